# pow() and round(): keywords, modular pow, ndigits, __round__/__pow__, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(pow, 2, 10)
t(pow, 2, -1)
t(pow, -8, 1 / 3)
t(pow, 0, 0)
t(pow, 0.0, -1)
t(pow, 0, -1)
t(pow, 2, 100, 7)
t(pow, 3, -1, 7)
t(pow, 2, -1, 4)
t(pow, 5, 3, -7)
t(pow, 5, 0, 1)
t(pow, 5, 2, 0)
t(pow, 2.0, 3, 5)
t(pow, 2, 3, 5.0)
t(pow, base=2, exp=5)
t(pow, 2, exp=5, mod=3)
t(pow, 2, 5, mod=None)
t(pow, 2, base=5)
t(pow, x=2, y=5)
t(pow, 2)
t(pow)
t(pow, 1, 2, 3, 4)
t(pow, "a", 2)
t(pow, 2, "a")
t(pow, 1j, 2)
t(pow, 10, 400.5)
t(pow, 10.0, 400)
t(pow, -1, 0.5)
class P:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
    def __rpow__(self, other, mod=None):
        return ("rpow", other, mod)
t(pow, P(), 2)
t(pow, P(), 2, 5)
t(pow, 2, P())
t(pow, 2, P(), 5)

for x in (0.5, 1.5, 2.5, -0.5, -1.5, 3.7, -3.7, 1e20, 2**100, 7, -7, True):
    t(round, x)
for x, n in ((2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (123.456, -1), (123.456, -2),
             (125, -1), (135, -1), (-125, -1), (15, -1), (25, -1), (12345, -2), (1.5, 0),
             (2.5, 0), (-2.5, 0), (1e300, -300), (5e-324, 400), (1.23, 400), (1.23, -400),
             (2**70 + 5, -1), (7, 2), (True, -1), (0.0, 1), (-0.0, 2)):
    t(round, x, n)
t(round, 2.5, None)
t(round, 3, ndigits=None)
t(round, number=2.567, ndigits=1)
t(round, float("inf"))
t(round, float("nan"))
t(round, float("inf"), 2)
t(round, float("nan"), 0)
t(round, 1.5, 1.0)
t(round, 1.5, "1")
t(round, "1.5")
t(round)
t(round, 1, 2, 3)
t(round, 1, digits=2)
t(round, 1e308, -308)
t(round, 1.7976931348623157e308, -308)
class R:
    def __round__(self, n=None):
        return ("round", n)
class NoRound:
    pass
class FloatSub(float):
    def __round__(self, n=None):
        return "floatsub"
t(round, R())
t(round, R(), 3)
t(round, R(), None)
t(round, NoRound())
t(round, NoRound(), 1)
t(round, FloatSub(1.5))
class Idx:
    def __index__(self):
        return 1
t(round, 2.345, Idx())
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__)
import fractions, decimal
print(round(fractions.Fraction(7, 2)), round(fractions.Fraction(22, 7), 2))
print(round(decimal.Decimal("2.675"), 2), round(decimal.Decimal("2.5")))
