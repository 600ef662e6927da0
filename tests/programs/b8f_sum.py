# sum(): start=, types, overflow to big ints, float precision, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(sum, [1, 2, 3])
t(sum, [1, 2, 3], 10)
t(sum, [1, 2, 3], start=10)
t(sum, [])
t(sum, [], 5)
t(sum, [], start=[])
t(sum, [[1], [2]], [])
t(sum, [(1,), (2,)], ())
t(sum, [0.1] * 10)
t(sum, [1e100, 1.0, -1e100])
t(sum, [1, 2.5, 3])
t(sum, [1, 1j])
t(sum, [True, True, True])
t(sum, [2**62, 2**62, 2**62])
t(sum, [-2**63, -1])
t(sum, range(101))
t(sum, (x * x for x in range(10)))
t(sum, {1: "a", 2: "b"})
t(sum, ["a", "b"])
t(sum, ["a"], "")
t(sum, [b"a"], b"")
t(sum, [bytearray()], bytearray())
t(sum, [1, "a"])
t(sum, 5)
t(sum)
t(sum, [1], 2, 3)
t(sum, [1], foo=2)
t(sum, iterable=[1])
t(sum, [1], 2, start=3)
t(sum, [[1]], start=[0])
t(sum, [1.5, 2**1000])
t(sum, [float("inf"), float("-inf")])
t(sum, [float("nan"), 1])
t(sum, [1, 2], 0.5)
class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Acc(self.v + (o.v if isinstance(o, Acc) else o))
    def __radd__(self, o):
        return Acc(o + self.v)
    def __repr__(self):
        return "Acc(%r)" % self.v
t(sum, [Acc(1), Acc(2)])
t(sum, [1, 2], Acc(10))
t(sum, [Acc(1), 2, 3])
import fractions, decimal
t(sum, [fractions.Fraction(1, 3)] * 3)
t(sum, [decimal.Decimal("0.1")] * 3)
def gen():
    yield 1
    raise ValueError("gen failed")
t(sum, gen())
class IntSub(int):
    def __add__(self, o):
        return "intsub add"
t(sum, [IntSub(1), 2])
t(sum, [1, IntSub(2)])
