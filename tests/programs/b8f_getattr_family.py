# getattr, setattr, delattr, hasattr: defaults, hooks, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class C:
    a = 1
    def __init__(self):
        self.b = 2
c = C()
t(getattr, c, "a")
t(getattr, c, "b")
t(getattr, c, "zz")
t(getattr, c, "zz", None)
t(getattr, c, "zz", 5)
t(getattr, C, "b")
t(getattr, 1, "real")
t(getattr, 1, "nope")
t(lambda: getattr("s", "upper")())
t(getattr, c, 1)
t(getattr, c, None, 1)
t(getattr, c)
t(getattr)
t(getattr, c, "a", 1, 2)
t(getattr, c, name="a")
t(hasattr, c, "a")
t(hasattr, c, "zz")
t(hasattr, c, 1)
t(hasattr, c)
t(hasattr, c, "a", 1)
t(setattr, c, "n", 3)
print(c.n)
t(setattr, c, 3, 3)
t(setattr, c, "x")
t(setattr, 1, "x", 1)
t(setattr, "s", "upper", 1)
t(setattr, object(), "x", 1)
t(setattr, int, "x", 1)
t(setattr, C, "cls_attr", 7)
print(C.cls_attr, c.cls_attr)
t(delattr, c, "n")
t(delattr, c, "n")
t(delattr, c, "a")
t(delattr, C, "a")
t(delattr, C, "a")
t(delattr, c)
t(delattr, c, 5)
t(delattr, int, "real")

class G:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name * 2
        raise AttributeError(name)
g = G()
t(getattr, g, "xy")
t(getattr, g, "ab")
t(getattr, g, "ab", "dflt")
t(hasattr, g, "xq")
t(hasattr, g, "q")

class Boom:
    def __getattr__(self, name):
        raise ValueError("boom " + name)
t(getattr, Boom(), "q", 1)
t(hasattr, Boom(), "q")

class GA:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return "ga:" + name
t(getattr, GA(), "anything")
t(getattr, GA(), "secret", "default")
t(hasattr, GA(), "secret")

class S:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
s = S()
setattr(s, "v", 4)
print(s.v)
delattr(s, "v")
t(getattr, s, "v")

class Slots:
    __slots__ = ("a",)
sl = Slots()
t(setattr, sl, "a", 1)
t(setattr, sl, "b", 1)
t(getattr, sl, "a")
t(delattr, sl, "a")
t(getattr, sl, "a")

class StrSub(str):
    pass
t(getattr, c, StrSub("a"))
t(setattr, c, StrSub("dyn"), 9)
print(c.dyn)
print(hasattr(None, "__class__"), getattr(None, "__class__").__name__)
import math
t(getattr, math, "pi")
t(getattr, math, "tau2")
t(setattr, math, "tau2", 1)
t(getattr, math, "tau2")
t(delattr, math, "tau2")
t(delattr, math, "tau2")
