# hash() of ints, floats, complex, bools and fractions-like equivalents as
# CPython 3.11 computes them (modulo 2**61 - 1, -1 -> -2, inf/nan), equal
# numbers hashing alike, and set/dict order that depends on those hashes.
M = 2**61 - 1
vals = [0, 1, -1, -2, 2, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61), 2**64, -(2**64) + 1,
        10**30, -(10**30), 2**1000, -(2**1000) - 1, 12345678901234567890]
for v in vals:
    h = hash(v)
    print(v if abs(v) < 10**40 else "big", h, h == hash(float(v)) if abs(v) < 2**1000 else "-",
          (v % M if v >= 0 else -((-v) % M)) in (h, -2 if h == -2 else h))
fl = [0.0, -0.0, 0.5, -0.5, 1.5, 0.1, 1e-300, 5e-324, 1e300, -1e300, 1.7976931348623157e308,
      float("inf"), float("-inf"), 2.0**61, 2.0**62, -1.0, -2.0, 3.14159, 1 / 3, 2.0**-60]
for f in fl:
    print(repr(f), hash(f))
print(hash(float("nan")) != 0 or True)  # nan hashes by identity in 3.11
n = float("nan")
print(hash(n) == hash(n))
print(hash(True), hash(False), hash(None) == hash(None))
for num, den in [(1, 2), (1, 3), (-1, 3), (5, 4), (1, 10), (7, 2**40), (-3, 2**70)]:
    x = num / den
    print(num, den, hash(x), hash(x) == hash(x.as_integer_ratio()[0] * pow(x.as_integer_ratio()[1], -1, M) % M))
for z in [1j, 1 + 1j, -1j, 2.5 - 3j, complex(1e300, 1e-300), complex(-1, 0)]:
    print(repr(z), hash(z))
print(hash((1, 2.0, -1, True)), hash(()), hash(((1, 2), (3,))))
print(hash(frozenset()), hash(frozenset({1, 2, 3})) == hash(frozenset({3, 2, 1})))
print({-1, -2, 2**61 - 1, 2**61, 0.5, 7, 1e300, -0.0})
print(list({2**64: 1, 1: 2, -1: 3, 2.5: 4, 2**61 - 1: 5}))
print({i * 1.5 for i in range(-20, 20)})
print({2**k for k in range(0, 200, 7)})
print(set(range(-30, 30, 3)) | {10**20, -10**20})
