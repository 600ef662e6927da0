# decimal (the pure-Python _pydecimal).
from decimal import Decimal, getcontext, ROUND_HALF_UP, InvalidOperation
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.30") * 2)
print(Decimal("2").sqrt(), Decimal("3.14159").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
getcontext().prec = 6
print(Decimal(1) / Decimal(3), Decimal("1e3"), Decimal("-0"), Decimal(0.5), Decimal("NaN").is_nan())
print(repr(Decimal("12.50")), str(Decimal("1E+2")), int(Decimal("7.9")), float(Decimal("1.5")), Decimal("1.0") == 1)
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
