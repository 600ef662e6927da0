print(sorted([3, 1, 2], reverse=True), sorted('hello'), sorted({'b': 1, 'a': 2}), sorted([(2, 'a'), (1, 'b')], key=lambda t: t[1]))
try: sorted([1, 2], lambda x: x)
except TypeError as e: print(e)
try: sorted()
except TypeError as e: print(e)
print(min([], default=None), max((), default='e'), min(4, 2, 8, key=lambda x: -x), max('abc', 'abd'), max([1, 3, 2], key=None))
print(max([(1, 'b'), (1, 'a')]), min([[2], [1, 5]]), max(range(10), key=lambda x: x % 4))
for f in (lambda: min([1], [2], default=0), lambda: max(1, 2, foo=3), lambda: min(None), lambda: max([1, 'a'])):
    try: print(f())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(list(map(pow, [2, 3], [3, 2], [5, 7])), list(map(str, range(3))), list(filter(lambda x: x % 2, range(7))), list(filter(None, [[], [0], 0, 0.0, 'a'])))
try: map(1, [1]).__next__()
except TypeError as e: print(e)
print(list(zip('ab', range(5), [True])), list(zip(*[(1, 2), (3, 4)])), dict(zip('xy', (1, 2))))
e = enumerate(['a', 'b'], 10); print(next(e), list(e), list(enumerate('')), type(e).__name__)
print(any(x for x in [0, '', None]), all(x for x in [1, 'a']), any([[]]), all([[]]), any('0'), all(''))
it = iter(range(3)); print(next(it), next(it), next(it), next(it, 'end'))
class Cnt:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Cnt(), 4)))
try: iter(5)
except TypeError as e: print(e)
try: iter(5, 1)
except TypeError as e: print(e)
try: next([1])
except TypeError as e: print(e)
print(divmod(10**20, 7), divmod(-10, 3), divmod(10, -3), divmod(7, 7.0), divmod(True, 2))
for f in (lambda: divmod(1, 0), lambda: divmod(1.0, 0.0), lambda: divmod('a', 1), lambda: divmod(1j, 1)):
    try: print(f())
    except (TypeError, ZeroDivisionError) as e: print(type(e).__name__, e)
print(abs(-5), abs(5.5), abs(-0.0), abs(3+4j), abs(-10**30), abs(False))
try: abs('x')
except TypeError as e: print(e)
print(hex(255), hex(-1), oct(64), bin(5), bin(-0), hex(10**20), format(255, '#x'), format(-5, 'b'))
try: hex(1.5)
except TypeError as e: print(e)
class I:
    def __index__(self): return 42
print(hex(I()), bin(I()), oct(I()), [1, 2, 3, 4][I() - 40], range(100)[I()], chr(I() + 23))
print(pow(2, -2), pow(-2, 3), pow(2.5, 2), pow(10, 2, -7), pow(3, -2, 7), pow(0, 0), pow(2, 0.5))
for f in (lambda: pow(0, -1), lambda: pow(2, -1, 4), lambda: pow(1.5, 2, 3), lambda: pow(2, 3, 0), lambda: pow(2, 3, mod=1.0), lambda: pow(x=1)):
    try: print(f())
    except (TypeError, ValueError, ZeroDivisionError) as e: print(type(e).__name__, e)
print(callable(print), callable(Cnt), callable(Cnt()), callable(I()), callable(None), callable(str.upper))
print(format(12345.6789, ',.2f'), format(0.5, '%'), format('x', '^5'), format(True), format(None), format(3+4j, '.1f'))
print(repr(ascii('ü\x00\t')), ascii(1.5), ascii({'k': 'ñ'}), str(b'a'), repr(b'\xff'))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance([], ()), issubclass(int, object), issubclass(type, object), isinstance(int, type))
print(len(range(10**6)), len('héllo'), len(b'abc'), len({1: 2, 3: 4}), len(frozenset()))
class L:
    def __len__(self): return -1
try: len(L())
except ValueError as e: print(e)
class L2:
    def __len__(self): return 2**70
try: len(L2())
except OverflowError as e: print(e)
