# min() and max(): key=, default=, one iterable or many args, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for f in (min, max):
    t(f, [3, 1, 2])
    t(f, 3, 1, 2)
    t(f, "hello")
    t(f, [1, 2], [1, 3])
    t(f, [], default=None)
    t(f, [], default="empty")
    t(f, [5], default=0)
    t(f, [])
    t(f, ())
    t(f, iter([]))
    t(f)
    t(f, 1)
    t(f, None)
    t(f, 1, 2, default=0)
    t(f, [1, 2], 3, default=0)
    t(f, ["aaa", "b", "cc"], key=len)
    t(f, "aaa", "b", "cc", key=len)
    t(f, [-3, 2, 1], key=abs)
    t(f, [1, 2], key=None)
    t(f, [1, 2], key=5)
    t(f, [1, "a"])
    t(f, [1, 2], foo=1)
    t(f, [1, 2], key=len, default=3, extra=1)
    t(f, [(1, "b"), (1, "a"), (0, "z")])
    t(f, [1, 1.0, True])
    t(f, [True, 1, 1.0])
    t(f, {3: "a", 1: "b"})
    t(f, [2, 1], key=lambda x: 1 / (x - 1))
    t(f, [float("nan"), 1, 2])
    t(f, [1, float("nan"), 2])
    t(f, iterable=[1])
    t(f, (x * x for x in range(-3, 3)))
    t(f, range(10**6, 10**6 + 5))

class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __gt__(self, o):
        print("gt", self.v, o.v)
        return self.v > o.v
    def __repr__(self):
        return "Cmp(%d)" % self.v
t(min, [Cmp(2), Cmp(1), Cmp(3)])
t(max, [Cmp(2), Cmp(1), Cmp(3)])
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "OnlyLt(%d)" % self.v
t(max, OnlyLt(1), OnlyLt(2))
t(min, OnlyLt(1), OnlyLt(2))
class NoCmp:
    pass
t(min, NoCmp(), NoCmp())
def gen_raise():
    yield 1
    raise RuntimeError("gen broke")
t(max, gen_raise())
t(max, gen_raise(), default=0)
