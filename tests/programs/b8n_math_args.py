# Every math function called with 0 to 4 arguments, with and without a
# keyword: the results and CPython's exact TypeError messages.
import math
for n in sorted(dir(math)):
    f = getattr(math, n)
    if not callable(f) or n.startswith('_'): continue
    for a in [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)]:
        for k in [{}, {'x': 1}]:
            try:
                r = f(*a, **k)
                print(n, a, k, "->", r)
            except Exception as e:
                print(n, a, k, "!!", type(e).__name__, e)
