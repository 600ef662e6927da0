# fractions.Fraction.
from fractions import Fraction
a = Fraction(3, 4)
b = Fraction("1/6")
print(a + b, a * b, a / b, a - b, a ** 2, -a, abs(Fraction(-1, 3)))
print(Fraction(0.75), Fraction("2.5"), Fraction(10, 4), a.numerator, a.denominator, float(a), int(Fraction(7, 2)))
print(Fraction(1, 3).limit_denominator(2), Fraction(355, 113) == Fraction(710, 226), a < b, round(Fraction(7, 2)))
print(repr(a), str(b), hash(Fraction(2, 1)) == hash(2), Fraction(1, 2) == 0.5)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
