# str() and type(): str(obj), str(bytes, encoding, errors), type(x), type(name, bases, dict)
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(str)
t(str, 42)
t(str, 1.5)
t(str, None)
t(str, [1, "a"])
t(str, b"abc")
t(str, b"abc", "utf-8")
t(str, b"\xc3\xa9", "utf-8")
t(str, b"\xff", "utf-8")
t(str, b"\xff", "utf-8", "replace")
t(str, b"\xff", "utf-8", "ignore")
t(str, b"\xff", "latin-1")
t(str, b"\xff", encoding="ascii", errors="backslashreplace")
t(str, bytearray(b"xy"), "ascii")
t(str, "abc", "utf-8")
t(str, 1, "utf-8")
t(str, b"a", "nope")
t(str, object="x")
t(str, b"x", errors="strict")
t(str, 1, 2, 3, 4)
t(str, b"a", 1)
class S:
    def __str__(self):
        return "S.str"
class R:
    def __repr__(self):
        return "R.repr"
class BadS:
    def __str__(self):
        return 1
class StrSub(str):
    pass
class RetSub:
    def __str__(self):
        return StrSub("sub")
t(str, S())
t(str, R())
t(str, BadS())
r = str(RetSub())
print(repr(r), type(r).__name__)
print(type(str(StrSub("q"))).__name__, type(StrSub("q")).__name__)

t(type, 1)
t(type, "s")
t(type, type)
t(type, None)
t(type)
t(type, 1, 2)
t(type, "N", (), {}, 4)
t(type, 1, (), {})
t(type, "N", [], {})
t(type, "N", (), [])
t(type, "N", (1,), {})
N = type("N", (), {"x": 1, "m": lambda self: self.x + 1})
print(N.__name__, N.__qualname__, N.__bases__, N().m(), N.__module__)
M = type("M", (N,), {})
print(M.__mro__ == (M, N, object), issubclass(M, N), M().x)
t(type, "B", (bool,), {})
t(type, "X", (int, str), {})
print(type(1) is int, type(True) is bool, type(type) is type, type(object) is type)
print(type.__name__, type(len).__name__, type(lambda: 0).__name__, type(print).__name__)
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(type(WithMeta).__name__, type(WithMeta()).__name__)
T = Meta("T", (), {})
print(type(T).__name__)
t(type, name="x")
t(type.__call__, int, "5")
