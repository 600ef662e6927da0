import math
for x in (0.5, 1.5, 2.5, -1.5, 10.3, 30.7, 171.5, -0.5, 1e-300, 5.0, 100.0, 3.3):
    try: print(x, math.gamma(x), math.lgamma(x))
    except Exception as e: print(x, e)
for x in (0.5, 1.5, -2.0, 3.7, 0.1):
    print(math.erf(x), math.erfc(x))
for f in (lambda: math.factorial(5.0), lambda: math.gamma(0), lambda: math.gamma(-2), lambda: math.lgamma(0), lambda: math.gamma(float('-inf')), lambda: math.lgamma(-1), lambda: math.log(0.0), lambda: math.log(-1), lambda: math.log(0), lambda: math.log10(-5), lambda: math.comb(3, 1.0), lambda: math.perm(-1), lambda: math.comb(5, -1), lambda: math.ldexp(1, 1.5), lambda: math.fmod(1, 0), lambda: math.fmod(math.inf, 1), lambda: math.sqrt(10**400), lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.fsum([1e308, 1e308]), lambda: math.dist([1], (2,)), lambda: math.prod([1], 2), lambda: math.hypot(1, 'a'), lambda: math.isqrt(2.0), lambda: math.floor('x'), lambda: math.log(10**1000, 0), lambda: math.log(10, 1)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(math.hypot(1e200, 1e200), math.hypot(3e-320, 4e-320), math.hypot(*range(10)), math.hypot(), math.hypot(-3), math.dist((1, 2, 3), (4, 6, 8)), math.hypot(0.1, 0.2, 0.3), math.hypot(1.5, 2.5))
print(math.fsum([0.1] * 10), math.fsum([1e-16, 1, 1e-16]), math.fsum([]), math.fsum(range(10)), math.fsum([1.1, 2.2, 3.3, -6.6]), math.fsum([2**53, 1, 1e-10]))
