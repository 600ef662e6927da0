# reversed() and sorted(): __reversed__, sequences, key=, reverse=, stability, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), list(reversed(range(4))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())), list(reversed({"a": 1, "b": 2}.values())))
print(list(reversed(b"xyz")), list(reversed(bytearray(b"pq"))), list(reversed([])))
t(reversed, {1, 2})
t(reversed, 5)
t(reversed, iter([1]))
t(reversed, (x for x in "ab"))
t(reversed)
t(reversed, [], [])
t(reversed, seq=[])
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))
class RevNone:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
t(reversed, RevNone())
class SeqLike:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item%d" % i
print(list(reversed(SeqLike())))
class OnlyGetItem:
    def __getitem__(self, i):
        return i
t(reversed, OnlyGetItem())
class OnlyLen:
    def __len__(self):
        return 2
t(reversed, OnlyLen())
class BadRev:
    def __reversed__(self):
        return 5
t(reversed, BadRev())
r = reversed([1, 2])
print(type(r).__name__, iter(r) is r, next(r), next(r), next(r, "end"))
print(type(reversed(range(3))).__name__, type(reversed("ab")).__name__)
l = [1, 2, 3]
ri = reversed(l)
l.pop()
print(list(ri))

print(sorted([3, 1, 2]), sorted("bca"), sorted((3, 1)), sorted({3: 0, 1: 0}), sorted(set("zyx")))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
data = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted([1, -2, 3, -4], key=abs), sorted("HeLLo", key=str.lower))
print(sorted([0.5, 1, True, -0.0, 0]), sorted([[2], [1, 2], [1]]))
t(sorted, [1, "a"])
t(sorted, 5)
t(sorted)
t(sorted, [], [])
t(sorted, [], foo=1)
t(sorted, iterable=[1])
t(sorted, [1, 2], key=5)
t(sorted, [2, 1], key=None, reverse=None)
t(sorted, [2, 1], reverse="yes")
t(sorted, [2, 1], reverse=2.5)
t(sorted, [1, 2], key=lambda x: 1 / (x - 1))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "K%d" % self.v
print(sorted([K(3), K(1), K(2)]), sorted([K(3), K(1), K(2)], reverse=True))
class NoLt:
    pass
t(sorted, [NoLt(), NoLt()])
print(sorted(range(20, 0, -3)), sorted(x % 5 for x in range(12)))
big = list(range(1000, 0, -1))
print(sorted(big)[:5], sorted(big, key=lambda x: -x)[:3])
