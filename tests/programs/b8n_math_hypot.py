# math.hypot and math.dist to the last bit, as CPython 3.11 computes them
# (power-of-two scaling, exact squares, one correction step): pseudo-random
# vectors of 1..8 values over the whole double range, plus the special cases.
import math
state = 20261126
def r64():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state
def rfloat():
    k = r64() % 10
    m = (r64() >> 11) / 2**53
    if k < 4:
        e = (r64() % 40) - 20
    elif k < 6:
        e = (r64() % 2000) - 1000
    elif k < 7:
        e = (r64() % 100) - 1100
    elif k < 8:
        return float((r64() % 2000) - 1000)
    else:
        e = (r64() % 6) - 3
    x = math.ldexp(m + (r64() & 1), e)
    return -x if r64() & 1 else x
acc = 0
for i in range(4000):
    n = 1 + r64() % 8
    v = [rfloat() for _ in range(n)]
    w = [rfloat() for _ in range(n)]
    h = math.hypot(*v)
    d = math.dist(v, w)
    acc = (acc * 1000003 + hash(h) * 7 + hash(d)) % (2**61 - 1)
    if i % 200 == 0:
        print(n, h.hex(), d.hex())
print("checksum", acc)
INF, NAN = math.inf, math.nan
cases = [(), (0.0,), (-0.0,), (3, 4), (-3, -4), (5, 12, 84), (1e308, 1e308), (1e-320, 1e-320),
         (5e-324, 5e-324, 5e-324), (INF, NAN), (NAN, INF), (NAN, 1), (-INF,), (1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
         (10**20, 1), (True, True), (1e200, 1e-200), (0.1, 0.2, 0.3), (2**52 + 1.0, 1.0),
         tuple(range(100)), tuple(x / 7 for x in range(50))]
for c in cases:
    print(c[:4], math.hypot(*c).hex())
    print(math.dist(c, [0] * len(c)).hex(), math.dist(c, c).hex())
for a, b in [([1, 2], [3]), ([], []), ([1], [2]), ((1, 2, 3), [4, 5, 6]), (iter([1]), (2,))]:
    try:
        print(math.dist(a, b))
    except Exception as e:
        print(type(e).__name__, e)
for args in [("a",), (1, None), (10**400,)]:
    try:
        print(math.hypot(*args))
    except Exception as e:
        print(type(e).__name__, e)
