class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(("get", name))
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        delattr(self._target, name)

class T:
    pass
t = T()
t.a = 1
p = Proxy(t)
print(p.a)
p.b = 2
print(t.b)
del p.a
print(hasattr(t, "a"), p.log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)

class Counting:
    def __init__(self):
        self.n = 0
    def __getattribute__(self, name):
        if name != "n":
            object.__setattr__(self, "n", object.__getattribute__(self, "n") + 1)
        return object.__getattribute__(self, name)
    def hello(self):
        return "hi"
c = Counting()
c.hello(); c.hello()
print(c.n)

class Fallback:
    x = 1
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("no boom here")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return f"fallback:{name}"
f = Fallback()
print(f.x, f.boom, f.other)

class Slotted:
    __slots__ = ("a",)
s = Slotted()
try:
    s.b = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.a
except AttributeError as e:
    print("AttributeError:", e)
s.a = 5
print(s.a)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot assign {k!r}")
fz = Frozen(3)
try:
    fz.v = 4
except AttributeError as e:
    print("AttributeError:", e)
print(fz.v, getattr(fz, "zz", "dflt"))
try:
    getattr(fz, "zz")
except AttributeError as e:
    print("AttributeError:", e)
class Obj: pass
o = Obj()
try:
    o.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    del o.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
setattr(o, "dyn", 9)
print(o.dyn, vars(o), delattr(o, "dyn"), vars(o))
