import math
print(math.frexp(0.0), math.frexp(-8.5), math.frexp(math.inf), math.frexp(5e-324), math.ldexp(0.75, 4), math.ldexp(1, -1075), math.ldexp(-0.0, 5), math.ldexp(1.0, -10**20))
print(math.modf(3.75), math.modf(-0.5), math.modf(math.inf), math.modf(-math.inf), math.modf(7))
print(math.copysign(1, -0.0), math.copysign(-2, 3), math.copysign(math.inf, -1), math.copysign(math.nan, -1.0))
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(10, -3), math.fmod(5.5, math.inf), math.fmod(-0.0, 1))
print(math.remainder(10, 3), math.remainder(11, 2), math.remainder(-7, 4), math.remainder(5, math.inf), math.remainder(2.5, 1))
print(math.atan2(0, -0.0), math.atan2(-0.0, -1), math.atan2(math.inf, math.inf), math.atan2(1, 0), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(math.nextafter(0, 1), math.nextafter(1, 0), math.nextafter(1, 1), math.nextafter(-0.0, math.inf), math.ulp(1e300), math.ulp(-5e-324), math.ulp(math.inf), math.ulp(2**52))
print(math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan), math.isclose(1.0, 1.0 + 2e-9, rel_tol=1e-9))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(-90.5))
print(math.exp(-1000), math.exp(709), math.exp2(10), math.exp2(-1074), math.expm1(1e-10), math.log1p(1e-10), math.cbrt(-27), math.cbrt(2))
print(math.pow(2, 10), math.pow(-2, 3), math.pow(4, 0.5), math.pow(0, 0), math.pow(1, math.nan), math.pow(math.nan, 0), math.pow(-1, math.inf), math.pow(0.5, -math.inf), math.pow(-0.0, -1.5) if False else 1)
for f in (lambda: math.pow(-2, 0.5), lambda: math.pow(10, 400), lambda: math.pow(0, -2), lambda: math.pow(-0.0, -3), lambda: math.remainder(math.inf, 1), lambda: math.remainder(1, 0), lambda: math.atanh(1), lambda: math.sqrt(-0.0), lambda: math.log(-0.0), lambda: math.log2(0), lambda: math.ldexp(1e308, 2), lambda: math.exp(math.nan), lambda: math.cos(math.inf), lambda: math.tan(-math.inf)):
    try: print(f())
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
print(math.log(100, 10), math.log(8, 2), math.log(2**1000, 2), math.log10(1000), math.log2(1024), math.log(1), math.log(math.e), math.log(10**300 * 10**300), math.log10(10**400), math.log2(3**5000))
print(math.sqrt(2), math.sqrt(10**200), math.sqrt(True), math.isinf(10**400 / 10**399) if False else math.isfinite(1), math.isnan(float('nan')), math.isinf(-math.inf))
class Fl:
    def __float__(self): return 2.25
print(math.sqrt(Fl()), math.floor(Fl()) if False else math.exp(Fl()), math.hypot(Fl(), 3))
try: math.sqrt('4')
except TypeError as e: print(e)
try: math.sqrt()
except TypeError as e: print(e)
for f in ('sqrt','pow','log','floor','gcd','factorial','isqrt','fsum','hypot','comb','ldexp','frexp','isnan','gamma','degrees', 'atan2', 'nextafter', 'copysign', 'ulp', 'modf', 'erf', 'trunc', 'ceil', 'dist', 'perm'):
    try: getattr(math,f)()
    except TypeError as e: print(e)
    try: getattr(math,f)(1,2,3)
    except TypeError as e: print(e)
