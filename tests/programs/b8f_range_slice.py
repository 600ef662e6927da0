# range() and slice(): arguments, big values, attributes, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(range, 5)
t(range, 1, 5)
t(range, 1, 10, 3)
t(range, 10, 1, -3)
t(range, 0)
t(range, -5)
t(range, 1, 2, 0)
t(range)
t(range, 1, 2, 3, 4)
t(range, 1.5)
t(range, "3")
t(range, None)
t(range, stop=3)
t(range, 2**100)
class Idx:
    def __index__(self):
        return 4
t(range, Idx())
t(range, True)
r = range(3, 20, 4)
print(r.start, r.stop, r.step, len(r), list(r), r[1], r[-1], r[1:3], r[::-1], r.index(7),
      r.count(7), 7 in r, 8 in r)
t(r.index, 8)
t(lambda: r[10])
t(lambda: r["a"])
print(range(0) == range(5, 5), range(1, 5, 2) == range(1, 6, 2), hash(range(3)) == hash(range(0, 3)))
big = range(-2**70, 2**70, 3)
print(len(range(2**60)), big[2**60], 2**69 in big, big[-1])
t(len, big)
print(list(reversed(range(5))), list(range(5))[::2], range(10)[2:8:3])

t(slice)
t(slice, 5)
t(slice, 1, 5)
t(slice, 1, 5, 2)
t(slice, None, None, -1)
t(slice, 1, 2, 3, 4)
t(slice, start=1)
s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s.indices(5), s.indices(20))
print(slice(None, None, -1).indices(4), slice(-3, None).indices(10))
t(slice(1, 2, 0).indices, 5)
t(slice(1).indices, -1)
t(slice(1).indices, "a")
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice("a", [1]))
t(hash, slice(1))
print("abcdefgh"[slice(1, 6, 2)], [0, 1, 2, 3][slice(None, None, -1)])
class Sl:
    def __getitem__(self, k):
        return k
o = Sl()
print(o[1:2], o[::3], o[1:2, 3], o[...], o[:])
t(setattr, s, "start", 5)
print(range.__name__, slice.__name__)
