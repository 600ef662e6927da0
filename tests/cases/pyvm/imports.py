import sys
import math
from math import sqrt, pi, floor
import helper_mod
from helper_mod import double as dbl

print(sys.argv[0].endswith("imports.py"), len(sys.argv))
print(math.sqrt(16), sqrt(2), round(pi, 5), floor(-2.5), math.ceil(2.1), math.gcd(12, 18))
print(math.factorial(20), math.isqrt(10 ** 20 + 1), math.inf, -math.inf, math.isnan(math.nan))
print(helper_mod.GREETING, helper_mod.double(21), dbl(4), helper_mod.__name__)
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.hypot(3, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nope
except ImportError as e:
    print(e)
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
sys.setrecursionlimit(50)
print(sys.getrecursionlimit(), sys.maxsize)


def deep(n):
    return deep(n + 1) if n < 100 else n


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.exit(4)
