class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, not {type(value).__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)

class P:
    x = Typed()
    y = Typed()
    def __init__(self, x):
        self.x = x

p = P(3)
print(p.x, p.y, type(P.x).__name__)
p.y = 4
print(p.y, sorted(vars(p)))
try:
    p.x = "s"
except TypeError as e:
    print("TypeError:", e)
del p.x
print(p.x)

class NonData:
    def __get__(self, obj, typ):
        return "from descriptor"

class Q:
    attr = NonData()
q = Q()
print(q.attr)
q.__dict__["attr"] = "from instance"
print(q.attr, Q.attr)

class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, typ):
        if obj is None:
            return self
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        return v

class R:
    calls = 0
    @Lazy
    def heavy(self):
        R.calls += 1
        return 42
r = R()
print(r.heavy, r.heavy, R.calls)

class ReadOnly:
    def __get__(self, obj, typ):
        return 1
    def __set__(self, obj, v):
        raise AttributeError("read-only")
class S:
    ro = ReadOnly()
s = S()
try:
    s.ro = 2
except AttributeError as e:
    print("AttributeError:", e)
print(s.ro)

class Meth:
    def f(self):
        return self
m = Meth()
bound = Meth.__dict__["f"].__get__(m, Meth)
print(bound() is m, Meth.f.__get__(None, Meth) is Meth.f)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class T:
    a = sm
    b = cm
print(T.a("abc"), T.b(), T().b())
prop = property(lambda self: 5, doc="five")
class U:
    v = prop
print(U().v, U.v.__doc__, type(U.__dict__["v"]).__name__)
try:
    U().v = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del U().v
except AttributeError as e:
    print("AttributeError:", e)
