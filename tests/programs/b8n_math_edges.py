# Every math float function on the edge values (zeros, subnormals, the
# largest double, inf, nan, big ints, bools), bit-exact, with the errors.
import math
def show(name, *a):
    f = getattr(math, name)
    try:
        r = f(*a)
        if isinstance(r, float):
            r = r.hex() + " " + repr(r)
        print(name, a, "->", r)
    except Exception as e:
        print(name, a, "!!", type(e).__name__, e)
edges = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 1e-310, -1e-310, 5e-324, 1.7976931348623157e308,
         -1.7976931348623157e308, float('inf'), float('-inf'), float('nan'), 1e16, 2.5, -2.5,
         3.0, 1e300, -1e300, 0.1, 709.78, 710.0, -745.2, -746.0, 1e-20, 100, -3, 10**20, 2**1024, -2**1030,
         True, 0.9999999999999999, 1.0000000000000002, 3.141592653589793]
one = ['acos','acosh','asin','asinh','atan','atanh','cbrt','ceil','cos','cosh','degrees','erf','erfc',
       'exp','exp2','expm1','fabs','floor','frexp','gamma','isfinite','isinf','isnan','lgamma','log','log10',
       'log1p','log2','modf','radians','sin','sinh','sqrt','tan','tanh','trunc','ulp']
for n in one:
    for x in edges:
        show(n, x)
two = ['atan2','copysign','fmod','remainder','nextafter','pow','ldexp','log','isclose','hypot','dist']
e2 = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.0, 1e308, 5e-324, float('inf'), float('-inf'), float('nan'), 7, -7, 0.5, 1e-300, 10**20]
for n in two:
    for x in e2:
        for y in e2:
            if n == 'ldexp':
                for k in (0, 1, -1, 1023, 1024, -1074, -1075, -1076, 2000, -2000, 10**20, -10**20):
                    if y == 0.0: show(n, x, k)
                continue
            if n == 'dist':
                show(n, (x, y), (y, x)); continue
            show(n, x, y)
