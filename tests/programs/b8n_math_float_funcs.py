# The math module's one- and two-argument float functions on pseudo-random
# inputs over the whole double range, printed exactly (float.hex), with the
# ValueError/OverflowError each raises where CPython does.
import math
state = 424242
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
        return float((r64() % 400) - 200)
    else:
        e = (r64() % 6) - 3
    x = math.ldexp(m + (r64() & 1), e)
    return -x if r64() & 1 else x
cs = 0
def call(f, *a):
    global cs
    try:
        r = f(*a)
        cs = (cs * 1000003 + hash(r)) % (2**61 - 1)
        if isinstance(r, tuple):
            return ",".join(x.hex() if isinstance(x, float) else str(x) for x in r)
        return r.hex() if isinstance(r, float) else repr(r)
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return type(e).__name__[0] + ":" + str(e)
one = [math.sqrt, math.exp, math.log, math.log2, math.log10, math.log1p, math.expm1,
       math.sin, math.cos, math.tan, math.atan, math.sinh, math.cosh, math.tanh,
       math.asinh, math.acosh, math.atanh, math.asin, math.acos, math.erf, math.erfc,
       math.gamma, math.lgamma, math.cbrt, math.exp2, math.ulp, math.frexp, math.modf,
       math.degrees, math.radians, math.fabs, math.isfinite, math.floor, math.ceil, math.trunc]
two = [math.atan2, math.fmod, math.remainder, math.copysign, math.pow, math.nextafter,
       math.isclose]
errs = {}
for i in range(1500):
    x = rfloat()
    y = rfloat()
    line = [call(f, x) for f in one] + [call(f, x, y) for f in two]
    line.append(call(math.ldexp, x, (r64() % 2400) - 1200))
    line.append(call(math.log, abs(x), abs(y)))
    for item in line:
        if ":" in item:
            errs[item] = errs.get(item, 0) + 1
    if i % 100 == 0:
        print(" ".join(line))
    else:
        print(len(line), line[i % len(line)])
print(sorted(errs.items()))
print("checksum", cs)
