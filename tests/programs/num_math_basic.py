import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
for n in ('sqrt', 'exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'fabs', 'ceil', 'floor', 'trunc', 'cbrt', 'exp2', 'degrees', 'radians', 'isfinite', 'isinf', 'isnan'):
    f = getattr(math, n)
    out = []
    for x in (0.5, 2.0, -1.5, 10, 0, 1e300, -0.0):
        try: out.append(f(x))
        except (ValueError, OverflowError) as e: out.append(type(e).__name__ + ':' + str(e))
    print(n, out)
print(math.atan2(1, -1), math.copysign(3, -0.0), math.fmod(-7, 3), math.ldexp(1.5, 3), math.frexp(12.0), math.modf(-3.5), math.pow(2, 0.5), math.hypot(3, 4), math.hypot(1, 2, 3), math.dist((0, 0), (3, 4)), math.remainder(7, 4))
print(math.factorial(20), math.factorial(30), len(str(math.factorial(1000))), math.comb(10, 3), math.perm(10, 3), math.perm(5), math.comb(100, 50), math.isqrt(10**20 + 1), math.isqrt(0))
print(math.gcd(), math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.lcm(), math.gcd(-4, 0), math.prod([1, 2, 3], start=2), math.prod([]), math.fsum([0.1] * 10), math.fsum([1e100, 1, -1e100]))
print(math.nextafter(1, 2), math.ulp(1.0), math.ulp(0.0), math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.log(2**1000), math.log(10**400, 10), math.log2(2**2000), math.log10(10**500), math.log(8, 2))
print(math.floor(2.5), math.ceil(-2.5), math.trunc(-2.7), type(math.floor(1e20)), math.floor(10**30), math.sqrt(4), math.exp(1))
for f in (lambda: math.factorial(-1), lambda: math.factorial(1.5), lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.exp(1000), lambda: math.comb(-1, 2), lambda: math.isqrt(-1), lambda: math.log(-1), lambda: math.pow(0, -1), lambda: math.acos(2), lambda: math.floor(math.inf), lambda: math.floor(math.nan), lambda: math.gcd(1.5), lambda: math.dist((1,), (1, 2)), lambda: math.perm(3, -1), lambda: math.ldexp(1.0, 10000), lambda: math.fsum([math.inf, -math.inf])):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
