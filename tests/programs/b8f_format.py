# format(): specs for every type, __format__ hooks, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(format, 42)
t(format, 42, "")
t(format, 42, "08b")
t(format, -42, "+x")
t(format, 255, "#X")
t(format, 1234567, ",")
t(format, 1234567, "_")
t(format, 1234567, "_x")
t(format, 3.14159, ".2f")
t(format, 3.14159, "e")
t(format, 1e20, "g")
t(format, 0.5, "%")
t(format, 12.5, "^10.1f")
t(format, "abc", ">6")
t(format, "abc", "*<6")
t(format, "abc", ".2")
t(format, True, "d")
t(format, True, "")
t(format, None)
t(format, None, "")
t(format, None, "s")
t(format, [1, 2])
t(format, [1, 2], "s")
t(format, 1j, "")
t(format, 1+2j, ".1f")
t(format, 42, "s")
t(format, "x", "d")
t(format, 1.5, "d")
t(format, 42, "z")
t(format, 42, ",_")
t(format, 42, 5)
t(format, 42, None)
t(format)
t(format, 1, "", 3)
t(format, value=1)
t(format, 10**30, ",")
t(format, float("inf"), "08.2f")
t(format, float("nan"), "+")
t(format, -0.0, "")
t(format, -0.0, "z.1f")
t(format, 123, "=+8")
t(format, "é", "^5")

class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
class BadF:
    def __format__(self, spec):
        return 5
class Plain:
    def __str__(self):
        return "plain"
class IntSub(int):
    def __format__(self, spec):
        return "intsub:" + spec
t(format, F())
t(format, F(), "xyz")
t(format, BadF())
t(format, Plain())
t(format, Plain(), "")
t(format, Plain(), ">8")
t(format, IntSub(3), "d")
print(f"{F():abc} {IntSub(5):x} {Plain()!s:>7}")
print("{:^9}|{:<4}|{!r:>6}".format("mid", 7, "q"))
t(object.__format__, Plain(), "")
t(object.__format__, Plain(), "x")
print(type(format(3)).__name__)
