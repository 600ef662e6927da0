print(sum([]), sum([], 0.0), sum([1, 2], start=3), sum([1.5, 2.5], 1), sum(x for x in range(5)), sum([2**64, 2**64]), sum([0.1, 0.2, 0.3]), sum([1e308, 1e308]), sum([-0.0]), sum([], -0.0))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1j, 2], 0.5), sum([True, 2.5]), sum(range(10**6)))
for f in (lambda: sum(['a', 'b']), lambda: sum([1, 'a']), lambda: sum(1), lambda: sum([1], 2, 3), lambda: sum([[1]]), lambda: sum(['a'], start='')):
    try: print(f())
    except TypeError as e: print(e)
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __lt__(self, o): return self.v < o.v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return 'N(%r)' % self.v
print(sum([N(1), N(2)]), sum([N(1)], N(10)), max([N(3), N(7), N(5)]), min(N(3), N(7)), sorted([N(2), N(1)]))
print(max(3, 3.0), max(3.0, 3), min(0, False), max([1, 2], [1, 3]), max('apple', 'banana', key=len), min([], key=len, default='none'))
print(max(range(0)) if False else max(range(5)), min(iter([7, 3])), max({3: 'a', 9: 'b'}.values()), min((1, 'b'), (1, 'a')))
for f in (lambda: max(), lambda: min([]), lambda: max(1, 2, default=0), lambda: min(1, key=abs), lambda: max([1, 2], bogus=1), lambda: max([None, 1]), lambda: min(3, 'a')):
    try: print(f())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(abs(-7) + abs(7.5) + abs(-2j), divmod(100, 7), pow(7, 2, 5), round(7.456, 1), round(-7.5), round(7.5), round(8.5))
