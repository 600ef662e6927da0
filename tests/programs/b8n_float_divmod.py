# float // % divmod with every sign, zeros, infinities and NaN (CPython's
# float_divmod: the remainder takes the divisor's sign, -0.0 rules), mixed
# with ints, and the ZeroDivisionError messages.
INF = float("inf")
NAN = float("nan")
vals = [7.5, -7.5, 3.0, -3.0, 0.0, -0.0, 1e-320, -1e-320, 1e308, -1e308, INF, -INF, NAN, 2, -2,
        0.1, 10**20, 5e-324]
def show(x):
    return x.hex() if isinstance(x, float) else repr(x)
for a in vals:
    for b in vals:
        out = []
        for name, f in [("//", lambda: a // b), ("%", lambda: a % b),
                        ("divmod", lambda: divmod(a, b))]:
            try:
                r = f()
                out.append(name + " " + (" ".join(show(v) for v in r) if isinstance(r, tuple)
                                         else show(r)))
            except Exception as e:
                out.append(name + " " + type(e).__name__ + ": " + str(e))
        print(repr(a), repr(b), "|", " | ".join(out))
for a in [-1, 1, 0, -7, 7]:
    for b in [0, 0.0, -0.0]:
        for f in [lambda: a / b, lambda: a // b, lambda: a % b, lambda: divmod(a, b)]:
            try:
                print(f())
            except ZeroDivisionError as e:
                print("ZeroDivisionError", e)
# identity a == (a // b) * b + a % b on ordinary values
import math
for i in range(1, 200):
    a = (i * 7919 % 1000 - 500) / 7.0
    b = ((i * 104729) % 37 - 18) / 3.0 or 1.0
    q, r = divmod(a, b)
    assert q == a // b and (r == a % b), (a, b)
    assert math.isclose(q * b + r, a, abs_tol=1e-9), (a, b, q, r)
    assert r == 0 or (r > 0) == (b > 0), (a, b)
print("identities ok")
