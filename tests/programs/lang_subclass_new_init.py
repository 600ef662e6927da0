class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def __init__(self, s):
        self.original = s
u = Upper("abc")
print(u, u.original, len(u), u == "ABC", u.lower(), type(u.lower()).__name__, repr(u))

class Celsius(float):
    @property
    def fahrenheit(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, c.fahrenheit, c + 1, type(c + 1).__name__, round(c), int(c), c > 50, f"{c:.1f}")

class Pair(tuple):
    __slots__ = ()
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    a = property(lambda self: self[0])
    b = property(lambda self: self[1])
    def __repr__(self):
        return f"Pair(a={self.a!r}, b={self.b!r})"
p = Pair(1, "x")
print(p, p.a, p.b, tuple(p), p == (1, "x"), hash(p) == hash((1, "x")), list(p), p[::-1])
try:
    p.c = 1
except AttributeError as e:
    print("AttributeError:", e)
x, y = p
print(x, y, isinstance(p, tuple), len(p), p * 2, type(p * 2).__name__, sorted(Pair(3, 1)))

class Flags(int):
    def __or__(self, other):
        return Flags(int(self) | int(other))
    __ror__ = __or__
    def __repr__(self):
        return f"Flags({int(self):#b})"
f = Flags(1) | 4
print(f, 2 | Flags(8), Flags(3) & 1, type(Flags(3) & 1).__name__, Flags(5) == 5, {Flags(5): "five"}[5])

class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
d = LoggingDict(a=1)
d["b"] = 2
print(d["a"], d.get("b"), d, len(d), sorted(d), dict(d) == {"a": 1, "b": 2}, repr(d))
d.update(c=3)
print(d)

class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
s = Stack([1]).push(2).push(3)
print(s, s.peek(), s.pop(), s, len(s), s == [1, 2], isinstance(s, list), s * 2, type(s[:]).__name__)
s.name = "st"
print(s.name, vars(s))

class Obj:
    count = 0
    def __new__(cls, *args, **kwargs):
        inst = super().__new__(cls)
        cls.count += 1
        inst.created_with = args
        return inst
    def __init__(self, a, b=2):
        self.a, self.b = a, b
o = Obj(1)
print(o.created_with, o.a, o.b, Obj.count, Obj(5, b=6).b, Obj.count)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__new__(str)
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad(int, str): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class NoBool(bool): pass
except TypeError as e:
    print("TypeError:", e)

class AppError(Exception):
    def __init__(self, msg, code=500, *, detail=None):
        super().__init__(msg, code)
        self.code = code
        self.detail = detail
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found", 404, detail=what)
try:
    raise NotFound("page")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, e.detail, isinstance(e, Exception))
class KeyErr2(KeyError):
    pass
try:
    {}["x"]
except KeyError as e:
    k2 = KeyErr2(*e.args)
    print(repr(k2), str(k2), k2.args)
class OSE(OSError):
    pass
e = OSE(2, "No such file")
print(e.errno, e.strerror, str(e), type(e).__mro__[1].__name__)
