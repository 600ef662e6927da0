# math.fsum (exact, 3.11's zero and special-value rules), math.prod with
# start=, rounding to int, frexp/ulp/nextafter, remainder/fmod, isclose and
# argument errors.
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
show('fsum', [])
show('fsum', [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
show('fsum', [0.1] * 10)
show('fsum', [1e308, 1e308])
show('fsum', [1e308, 1e308, -1e308])
show('fsum', [float('inf'), 1.0])
show('fsum', [float('inf'), float('-inf')])
show('fsum', [float('nan'), 1.0])
show('fsum', [-0.0, -0.0])
show('fsum', [-0.0, 0.0])
show('fsum', [2**1023 * 1.0, 2**1023 * 1.0, -2**1023 * 1.0])
show('fsum', [1.7976931348623157e308, 9.979201547673598e291])
show('fsum', [1.7976931348623157e308, 9.979201547673597e291])
show('fsum', [1, 2, 3])
show('fsum', [1, "a"])
show('fsum', [2**1100])
show('fsum', (0.5, 0.25, Flt(0.125)))
show('fsum', 5)
for i in range(1, 30):
    show('fsum', [(-1)**k * 10.0**(k % 7 * 40 - 120) / (k + 1) for k in range(i * 3)])
show('prod', [])
show('prod', [], start=5)
show('prod', [1, 2, 3])
show('prod', [1, 2, 3.0])
show('prod', [2**40] * 5)
show('prod', range(1, 30))
show('prod', [0.5, 3], start=2)
show('prod', ["a", 3])
show('prod', [3, "a"])
show('prod', [[1]], start=1)
show('prod', [1j, 2])
show('prod', [True, True])
show('prod', [Flt(1.0)])
show('prod', [1, 2], 3)
show('prod')
show('prod', 5)
for x in [0.5, 1e300, 2**52 + 0.5, -2.5, 1e16, 1.5e300, -1e300, float('inf'), float('nan'), 2**1023 * 1.5, -0.0]:
    show('trunc', x); show('floor', x); show('ceil', x)
show('floor', Flt(2.5)); show('ceil', Idx(3)); show('trunc', "x"); show('floor', 10**50); show('ceil', True)
for x in [1.0, 0.0, 1e-320, -5e-324, 1e300, 2.0**-1022, 3.5, float('inf'), float('nan'), -0.0]:
    show('frexp', x); show('ulp', x)
    for y in [0.0, 1.0, float('inf'), -float('inf'), float('nan'), -0.0, 1e-320]:
        show('nextafter', x, y)
for x in [5.5, -5.5, 6.0, 1e300, 0.0, -0.0, float('inf'), 2.5, 3.5, -2.5, 1e-310]:
    for y in [2.0, -2.0, 3.0, 0.0, float('inf'), float('nan'), 1e-310, 1.5, 0.7]:
        show('remainder', x, y); show('fmod', x, y)
show('isclose', 1.0, 1.0 + 1e-10)
show('isclose', 1.0, 1.0 + 1e-8, rel_tol=1e-7)
show('isclose', 1.0, 1.1, abs_tol=0.2)
show('isclose', 1.0, 1.0, rel_tol=-1)
show('isclose', 1.0, 1.0, abs_tol=-1)
show('isclose', 1.0)
show('isclose', 1.0, 2.0, 3.0)
show('isclose', 1.0, 2.0, foo=3.0)
show('isclose', float('inf'), float('inf'))
show('isclose', float('nan'), float('nan'))
show('sqrt', -1)
show('sqrt', "1")
show('sqrt', 1, 2)
show('sqrt', x=1)
show('pow', 0.0, -1.0)
show('pow', -0.0, -3.0)
show('pow', -8.0, 1/3)
show('pow', 10.0, 400)
show('pow', 1.0, float('nan'))
show('pow', float('nan'), 0)
show('exp', 1000)
show('exp', 10**400)
show('ldexp', 1.0, 2.5)
show('ldexp', 1.0, Idx(3))
show('ldexp', 1, 3)
show('ldexp', 10**400, 3)
show('hypot', 10**400, 1)
show('hypot', "a")
show('hypot', x=1)
show('hypot', Flt(3.0), Idx(4))
show('dist', [1, 2], [3])
show('dist', 1, 2)
show('dist', [1, 2], (4, 6))
show('dist', (1, 2), (4, 6))
show('dist', [1])
show('dist', [Flt(1.0), Idx(2)], (4, 6))
show('dist', ["a"], [1])
show('gamma', 0.0); show('gamma', -0.0); show('gamma', -1.0); show('gamma', 171.7); show('gamma', 1e-320)
show('lgamma', 0.0); show('lgamma', -1.0); show('lgamma', 1e308); show('lgamma', -2.5)
show('factorial', 3.0)
show('factorial', -3)
show('factorial', 2**64)
show('degrees', 10**400)
show('atan2', 1, 0); show('atan2', -0.0, -0.0)
show('copysign', 1, -0.0); show('copysign', float('nan'), -1)
show('fabs', -10**20)
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
