# tests/gen/num-mathdiff.py: the math module's float results on many
# pseudo-random inputs, printed bit-exactly (float.hex), for a differential
# sweep against CPython 3.11 (tests/gen/num-mathdiff.sh runs it under both).
#
# usage: PROG [N]   N vectors/arguments per function (default 100000 for
# hypot and dist, N // 10 for the others)
#
# The inputs come from a 64-bit LCG written here, so CPython and pyvm see the
# same ones: magnitudes near 1, across the whole exponent range, subnormals,
# small integers, and signs.
import math
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
state = 987654321


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


def show(r):
    return r.hex() if isinstance(r, float) else repr(r)


def call(f, *a):
    try:
        return show(f(*a))
    except (ValueError, OverflowError) as e:
        return type(e).__name__


for i in range(N):
    n = 1 + r64() % 6
    v = [rfloat() for _ in range(n)]
    w = [rfloat() for _ in range(n)]
    print("hypot", show(math.hypot(*v)), "dist", show(math.dist(v, w)))
for i in range(N // 10):
    n = 1 + r64() % 40
    v = [rfloat() for _ in range(n)]
    print("hypot-long", show(math.hypot(*v)), "fsum", call(math.fsum, v))
one = [math.sqrt, math.exp, math.log, math.log2, math.log10, math.log1p, math.expm1,
       math.sin, math.cos, math.tan, math.atan, math.sinh, math.cosh, math.tanh,
       math.asinh, math.acosh, math.atanh, math.asin, math.acos, math.erf, math.erfc,
       math.gamma, math.lgamma, math.cbrt, math.exp2, math.ulp, math.frexp, math.modf,
       math.degrees, math.radians, math.fabs]
two = [math.atan2, math.fmod, math.remainder, math.copysign, math.pow, math.nextafter]
for i in range(N // 10):
    x = rfloat()
    y = rfloat()
    print(" ".join(call(f, x) for f in one))
    print(" ".join(call(f, x, y) for f in two))
    print(call(math.ldexp, x, (r64() % 2400) - 1200), call(math.log, abs(x), abs(y)))
