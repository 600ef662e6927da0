e = enumerate('abc'); z = zip([1], [2]); m = map(abs, [-1]); f = filter(None, [1]); r = reversed([1, 2])
print(type(e).__name__, type(z).__name__, type(m).__name__, type(f).__name__, type(r).__name__, iter(e) is e, iter(z) is z)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(3))).__name__, type(iter(b'')).__name__, type(iter({}.items())).__name__)
print(list(enumerate(range(3), -2)), list(enumerate([], 5)), list(enumerate('ab', start=2**70))[-1][0] == 2**70 + 1)
try: enumerate(5)
except TypeError as e: print(e)
try: enumerate([1], 'x')
except TypeError as e: print(e)
a = [1, 2, 3]; it = iter(a); next(it); a.append(4); print(list(it))
a = [1, 2, 3]; it = iter(a); a.clear(); print(list(it))
it = reversed([1, 2, 3]); print(next(it), list(it), list(it))
def gen():
    yield 1
    yield 2
g = gen(); print(list(zip(g, 'abc')), list(g))
print(list(zip(range(3), range(10), strict=False)), list(zip('ab', 'cd', strict=True)))
try: list(zip('abc', 'de', strict=True))
except ValueError as e: print(e)
try: list(zip('ab', 'cde', strict=True))
except ValueError as e: print(e)
try: list(zip('a', 'b', 'cd', strict=True))
except ValueError as e: print(e)
try: zip(1)
except TypeError as e: print(e)
try: zip([1], strict=1, extra=2)
except TypeError as e: print(e)
print(list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])), list(map(len, ['a', 'bb'])), list(map(int, '123')))
try: map(abs)
except TypeError as e: print(e)
try: list(map(abs, [1], 5))
except TypeError as e: print(e)
print(list(filter(lambda c: c.isupper(), 'aBcD')), list(filter(bool, [0, 1, 2])), list(filter(None, ())))
try: filter(None)
except TypeError as e: print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * i
print(list(Seq()), list(iter(Seq())), 4 in Seq(), list(enumerate(Seq())), sorted(Seq(), reverse=True))
class NoRev:
    def __len__(self): return 2
try: reversed(NoRev())
except TypeError as e: print(e)
try: reversed(iter([1]))
except TypeError as e: print(e)
class RevNone:
    __reversed__ = None
try: reversed(RevNone())
except TypeError as e: print(e)
print(sum(range(101)), sum(iter([1.5, 2])), sum([[1], [2]], start=[0]), sum((), 5), sum([True, True]), sum([1, 2**70, -2**70]), sum([0.1] * 3, 0.0))
print(all(iter([])), any(iter([0, 0.0, 1j])), max(iter([3, 9, 2])), min('zyx'), max({1: 'a', 5: 'b'}), min(x for x in [4, 2]))
print(next(iter('x')), next(iter([]), None), next(reversed('ab')), next(enumerate('q')), next(zip('a', 'b')), next(map(str, [1])))
