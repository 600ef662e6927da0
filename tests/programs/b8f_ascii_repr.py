# ascii() and repr(): every escape, __repr__ hooks, errors
def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ("abc", "naïve", "日本", "\x00\x1f\x7f\x80\xff", "\u0100\uffff", "\U0001f600",
          "tab\there", "quote'", 'dq"', "both'\"", "\\", "\n\r", "\u2028", "\ud7ff"):
    t(ascii, s)
    t(repr, s)
t(ascii, [1, "é", ("ü",)])
t(ascii, {"ключ": "значение"})
t(repr, b"\x00abc\xff'")
t(ascii, b"\x80")
t(repr, bytearray(b"x\n"))
t(repr, 1.0)
t(repr, 1e16)
t(repr, -0.0)
t(repr, 1e-5)
t(repr, float("nan"))
t(repr, 2**64)
t(repr, None)
t(repr, ...)
t(repr, NotImplemented)
t(repr, (1,))
t(repr, ())
t(repr, [[]])
t(repr, {1: {2: ()}})
t(repr, set())
t(repr, frozenset())
t(repr, {1})
t(repr, range(3))
t(repr, range(1, 10, 2))
t(repr, slice(None))
t(repr, 1j)
t(repr, -1-0j)
t(repr, int)
t(repr, type)
t(repr, len)
l = [1]
l.append(l)
t(repr, l)
d = {}
d[1] = d
t(repr, d)

class R:
    def __repr__(self):
        return "R<é>"
class BadRepr:
    def __repr__(self):
        return 42
class Raises:
    def __repr__(self):
        raise ValueError("repr failed")
class S(str):
    def __repr__(self):
        return "S!"
t(repr, R())
t(ascii, R())
t(ascii, [R()])
t(repr, BadRepr())
t(ascii, BadRepr())
t(repr, Raises())
t(repr, [Raises()])
t(repr, S("x"))
t(repr)
t(ascii)
t(repr, 1, 2)
t(ascii, 1, 2)
t(repr, obj=1)
class Meta(type):
    def __repr__(cls):
        return "<Meta " + cls.__name__ + ">"
class M(metaclass=Meta):
    pass
t(repr, M)
t(repr, [M])
