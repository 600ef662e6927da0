# int() and float(): bases, keywords, strings, dunders, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(int)
t(int, "42")
t(int, " -42 ")
t(int, "1_000")
t(int, "1__0")
t(int, "_1")
t(int, "0x1f", 16)
t(int, "0x1f", 0)
t(int, "1f", base=16)
t(int, "0b101", 0)
t(int, "0o17", 0)
t(int, "017", 0)
t(int, "00", 0)
t(int, "z", 36)
t(int, "Z", 36)
t(int, "10", 37)
t(int, "10", 1)
t(int, "10", -1)
t(int, "10", base=2)
t(int, x="10")
t(int, "10", 2, 3)
t(int, 10, 2)
t(int, 3.9)
t(int, -3.9)
t(int, 1e20)
t(int, float("inf"))
t(int, float("nan"))
t(int, "3.5")
t(int, "")
t(int, " ")
t(int, "12abc")
t(int, None)
t(int, [1])
t(int, 1j)
t(int, b"12")
t(int, bytearray(b"-7"))
t(int, b"12", 8)
t(int, "٣")
t(int, True)
t(int, "10", base=None)
t(int, "10", 2.0)
class WithInt:
    def __int__(self):
        return 7
class WithIndex:
    def __index__(self):
        return 8
class BadInt:
    def __int__(self):
        return "x"
class Both:
    def __int__(self):
        return 1
    def __index__(self):
        return 2
t(int, WithInt())
t(int, WithIndex())
t(int, BadInt())
t(int, Both())
t(int, "10", WithIndex())
t(int, "1" * 5000)
print(int("9" * 100) + 1 == 10 ** 100)

t(float)
for s in ("1.5", " -2.5e3 ", "inf", "-Infinity", "nan", "+NaN", "1_0.5", "1e", ".5", "5.", "0x10",
          "1__0", "", "abc", "1e400", "-1e400", "1e-400", "١.٥"):
    t(float, s)
t(float, 10 ** 400)
t(float, 2 ** 53 + 1)
t(float, True)
t(float, None)
t(float, [1.0])
t(float, b"1.5")
t(float, 1, 2)
t(float, x=1)
class WithFloat:
    def __float__(self):
        return 2.5
class BadFloat:
    def __float__(self):
        return 1
class FIdx:
    def __index__(self):
        return 3
t(float, WithFloat())
t(float, BadFloat())
t(float, FIdx())
print(float("1e16"), float("0.1"), float(-0.0), float(" 1e-7"))
