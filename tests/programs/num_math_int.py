import math
print([math.comb(10, k) for k in range(12)], math.comb(1000, 500) % 10**20, math.comb(10**6, 3))
print([math.perm(6, k) for k in range(8)], math.perm(30, 15), math.perm(4, None), math.perm(0))
print([math.factorial(n) for n in range(15)], math.factorial(200) % 10**30, len(str(math.factorial(3000))))
print([math.isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 10**18, 10**18 - 1, 2**127)], math.isqrt(10**100 + 12345) == 10**50)
print(math.gcd(0, 0), math.gcd(-12, -18), math.gcd(2**100, 6**50), math.gcd(7), math.gcd(12, 18, 30, 45), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2**40, 3**20, 5), math.lcm(7))
print(math.prod(range(1, 11)), math.prod([1.5, 2, 4]), math.prod([], start=5), math.prod([2, 3], start=0.5), math.prod(['a', 3], start=1) if False else math.prod([[1]], start=1) if False else 0)
print(math.fsum([1e308, -1e308, 1e-308]), math.fsum([0.1, 0.2, 0.3, -0.6]), math.fsum([1, 1e100, 1, -1e100] * 10000), math.fsum(x / 10 for x in range(100)))
print(math.fsum([math.inf, 1]), math.fsum([-math.inf, -1e308]), math.fsum([math.nan, 1]), math.fsum([2.0**1023, 2.0**1023, -2.0**1023]) if False else 1)
for f in (lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum([1e308, 1e308]), lambda: math.fsum(['a']), lambda: math.comb(5), lambda: math.comb(5.0, 2), lambda: math.perm(-5, 2), lambda: math.isqrt(-5), lambda: math.gcd(1, 2.0), lambda: math.lcm('a'), lambda: math.factorial(-3), lambda: math.factorial(10**20)):
    try: print(f())
    except (ValueError, TypeError, OverflowError) as e: print(type(e).__name__, e)
class Idx:
    def __index__(self): return 7
print(math.factorial(Idx()), math.comb(Idx(), 2), math.gcd(Idx(), 21), math.isqrt(Idx()), math.perm(Idx(), Idx()))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(2.9), math.floor(10**20 + 0.0), math.ceil(5), math.floor(True))
class F:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
for f in (lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.trunc('x'), lambda: math.floor(None)):
    try: print(f())
    except (ValueError, TypeError, OverflowError) as e: print(type(e).__name__, e)
