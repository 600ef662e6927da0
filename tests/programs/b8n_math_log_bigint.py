# math.log/log2/log10/log1p of ints too big for a float (CPython's frexp
# route: log(m) + e*log(2)), logs with every kind of base, and the errors.
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
for b in [2, 10, 0.5, 1, 0, -2, 1.5, 10**100, 2**1000, float('inf'), "x"]:
    for x in [8, 100, 1000, 10**100, 2**1000, 2**1024, 10**400, 0.001, 1, 0, -1, 1e-300, 5e-324]:
        show('log', x, b)
for x in [2**1023, 2**1024, 2**1025, 10**308, 10**309, 10**1000, 3**1000, 0, -5, -2**2000, True]:
    show('log', x); show('log2', x); show('log10', x); show('log1p', x)
show('log')
show('log', 1, 2, 3)

for k in range(1020, 1100, 3):
    for v in (2**k, 2**k - 1, 3 * 2**k + 1, 10**(k // 3)):
        show('log', v); show('log2', v); show('log10', v)
for k in range(1, 60):
    show('log', 7**(k * 20), 7)
    show('log', 10**(k * 10), 10**k)
