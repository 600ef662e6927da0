# len(): builtins, __len__ results (negative, big, non-int), errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in ("", "héllo", b"ab", bytearray(3), [1, 2], (), {1: 2}, {1, 2, 3}, frozenset(),
          range(10), range(0, 100, 7), range(5, 0, -1), {}.keys(), {1: 1}.values(),
          {1: 1, 2: 2}.items(), memoryview(b"abc"), "\U0001f600x"):
    t(len, x)
t(len, 1)
t(len, None)
t(len, iter([]))
t(len, (x for x in []))
t(len)
t(len, [], [])
t(len, obj=[])
t(len, range(2**64))
t(len, range(-2**63, 2**63))
print(range(2**64)[-1], len(range(2**62)))

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
for n in (0, 5, 2**63 - 1, 2**63, -1, -2**70, True, 3.0, "3", None):
    t(len, L(n))
class IntSub(int):
    pass
t(len, L(IntSub(4)))
class Idx:
    def __index__(self):
        return 6
t(len, L(Idx()))
class R:
    def __len__(self):
        raise KeyError("len failed")
t(len, R())
class NoneLen:
    __len__ = None
t(len, NoneLen())
class LenAttr:
    pass
la = LenAttr()
la.__len__ = lambda: 3
t(len, la)
class ListSub(list):
    def __len__(self):
        return 99
print(len(ListSub([1])), bool(ListSub()), list.__len__(ListSub([1, 2])))
class Neg:
    def __len__(self):
        return -1
t(bool, Neg())
