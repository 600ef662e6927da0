# dict(), list(), tuple(), set(), frozenset(): constructors, keywords, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(dict)
t(dict, a=1, b=2)
t(dict, [("a", 1), ("b", 2)], c=3)
t(dict, {"x": 1}, x=2)
t(dict, zip("abc", range(3)))
t(dict, [[1, 2], "ab"])
t(dict, [(1, 2, 3)])
t(dict, ["abc"])
t(dict, [1])
t(dict, 1)
t(dict, None)
t(dict, {}, {})
t(dict, [("k", 1)], **{"k": 2})
class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
t(dict, Mapping())
class KeysOnly:
    def keys(self):
        return [1]
t(dict, KeysOnly())
t(dict.fromkeys, "ab")
t(dict.fromkeys, "ab", 0)
t(dict.fromkeys)
t(list)
t(list, "abc")
t(list, range(3))
t(list, {1: 2, 3: 4})
t(list, (x * x for x in range(4)))
t(list, 5)
t(list, None)
t(list, [], [])
t(list, iterable=[1])
t(tuple)
t(tuple, [1, 2])
t(tuple, "xy")
t(tuple, 3.5)
t(tuple, [], [])
t(tuple, iterable=[1])
t(set)
t(set, [3, 1, 2, 3])
t(set, "aaa")
t(set, 1)
t(set, [[1]])
t(set, [], [])
t(set, iterable=[1])
t(frozenset)
t(frozenset, [1, 2, 2])
t(frozenset, [{}])
t(frozenset, 1, 2)
t(frozenset, iterable=[1])
print(frozenset() is frozenset(), frozenset([]) == set())
fs = frozenset([1])
print(frozenset(fs) is fs)
class L(list):
    pass
class T(tuple):
    pass
class D(dict):
    pass
class S(set):
    pass
print(L("ab"), type(L("ab")).__name__, T([1]), D(a=1), S([2]), type(S()).__name__)

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), tuple(It()), set(It()), frozenset(It()))
class GetItem:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(GetItem()), tuple(GetItem()), dict.fromkeys(GetItem()))
class NoIter:
    __iter__ = None
t(list, NoIter())
class BadIter:
    def __iter__(self):
        return 5
t(list, BadIter())
t(tuple, BadIter())
def raising():
    yield 1
    raise ValueError("mid")
t(list, raising())
t(set, raising())
print(list.__name__, dict.__name__, type([]) is list)
