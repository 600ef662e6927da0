# math's integer functions: isqrt, factorial, comb, perm, gcd and lcm with
# any number of arguments, big values, __index__ objects and the errors.
import math
def show(name, *a, **k):
    f = getattr(math, name)
    try:
        r = f(*a, **k)
        if isinstance(r, float):
            r = r.hex() + " " + repr(r)
        print(name, a, k, "->", r)
    except Exception as e:
        print(name, a, k, "!!", type(e).__name__, e)
class Idx:
    def __init__(s, v): s.v = v
    def __index__(s): return s.v
    def __repr__(s): return "Idx(%r)" % s.v
class Flt:
    def __init__(s, v): s.v = v
    def __float__(s): return s.v
    def __repr__(s): return "Flt(%r)" % s.v
ints = [0, 1, 2, 3, 5, 10, 20, 21, 30, 67, 100, 170, 171, 2**31, 2**63, 2**64+1, 10**30, -1, -5, -2**70, True, False, Idx(7), 3.0, 1.5, "x", Flt(2.0), None]
for x in ints:
    show('isqrt', x)
    show('factorial', x) if not (isinstance(x, int) and x > 3000) else None
for n in [0, 1, 5, 10, 50, 100, -1, 2**64, True, 3.0, Idx(6)]:
    for k in [0, 1, 2, 5, 10, 60, -1, 2**64, None, Idx(2), 2.0]:
        show('comb', n, k)
        show('perm', n, k)
show('perm', 5)
show('perm', -5)
show('perm')
show('comb', 5)
show('factorial', 10**20)
show('isqrt', 10**100)
show('isqrt', 2**200 - 1)
show('isqrt', 2**201 + 12345)
for k in range(0, 200, 7):
    show('isqrt', 3**k)
    show('isqrt', 3**k - 1)
show('gcd')
show('gcd', 0)
show('gcd', -12)
show('gcd', 12, 18, 27)
show('gcd', 2**100, 2**80 * 3, -(2**90) * 9)
show('gcd', 12, 0, -18)
show('gcd', 1.0, 2)
show('gcd', 12, Idx(18))
show('lcm')
show('lcm', 0)
show('lcm', -12)
show('lcm', 4, 6, 10)
show('lcm', 4, 0, 10)
show('lcm', 2**64, 3**40, -(5**20))
show('lcm', 4, 6.0)
show('gcd', True, 4)

for a in range(-6, 7):
    for b in range(-6, 7):
        show('gcd', a * 12, b * 18, 30)
        show('lcm', a * 4, b * 6)
state = 99
def rnd(bits):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> (64 - bits) if bits <= 64 else (state << (bits - 64)) + rnd(bits - 64)
for i in range(300):
    x = rnd(1 + i % 200)
    r = __import__('math').isqrt(x)
    assert r * r <= x < (r + 1) * (r + 1), x
    g = __import__('math').gcd(x, rnd(100), rnd(30) * x)
    assert g and x % g == 0
print("isqrt/gcd identities ok")
