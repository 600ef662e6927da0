import math, sys
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 0.1, 1/3, 2.5e-5, 123456.789, 1e10, 1e20, 1e100, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2.0**61, 2.0**62, 2.0**-61, math.pi, -math.e, math.inf, -math.inf, 3.14e-100]
for v in vals:
    h = hash(v)
    same = h == hash(v.as_integer_ratio()[0]) if math.isfinite(v) and v == int(v) else '-'
    print(repr(v), h, same)
print(hash(math.nan) == hash(math.nan) if False else 'nan-skip')
M = sys.hash_info.modulus
for n in (M - 1, M, M + 1, 2 * M, -M, -M - 1, M * M, 2**100 + 12345):
    print(hash(n), hash(n) == hash(float(n)) if abs(n) < 2**1000 and float(n) == n else '-')
print(hash(1.5 + 0j) == hash(1.5), hash(1j), hash(complex(1, 1)), hash(complex(-0.5, 2.5)))
s = {0.5 * i for i in range(-10, 30)}
print(s)
d = {x / 4: x for x in range(-8, 8)}
print(list(d)[:5], set(d) == set(x / 4 for x in range(-8, 8)))
print({1e300, 1e-300, -1e300, 5e-324, 0.0, math.inf, -math.inf})
