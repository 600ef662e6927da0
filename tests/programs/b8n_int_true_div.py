# int / int true division correctly rounded for all sizes (huge numerators
# and denominators, results near the overflow and subnormal limits), int
# vs float comparisons done exactly, and float(int) rounding half to even.
state = 777
def r64():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state
def rint(bits):
    v = 0
    for _ in range(bits // 64 + 1):
        v = (v << 64) | r64()
    return v >> ((64 - bits % 64) % 64) or 1
M = 2**61 - 1
cs = 0
for i in range(2000):
    a = rint(1 + r64() % 1200) * (-1 if r64() & 1 else 1)
    b = rint(1 + r64() % 1200)
    try:
        q = a / b
        cs = (cs * 1000003 + hash(q)) % M
    except OverflowError as e:
        cs = (cs * 1000003 + 17) % M
        q = None
    if i % 100 == 0:
        print(i, q.hex() if q is not None else "overflow")
print("checksum", cs)
for a, b in [(1, 3), (2**1074, 1), (1, 2**1074), (1, 2**1075), (3, 2**1076), (2**1024, 1),
             (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1), (10**400, 10**399), (1, 10**400),
             (10**400, 3), (-(2**53 + 1), 1), (2**53 + 1, 1), (2**54 + 2, 4), (5, -2**1080)]:
    try:
        print(a / b if isinstance(a / b, float) else None)
    except OverflowError as e:
        print("OverflowError", e)
for n in [2**53 + 1, 2**53 + 3, 2**54 + 2, 2**54 + 6, -(2**53 + 1), 2**1023 * 3, 2**1024 - 2**970,
          2**1024 - 2**970 - 1, 10**22, 10**23, 123456789012345678901234567890]:
    try:
        f = float(n)
        print(n % 10**9, f, f == n, f < n, f > n, n < f, n <= f)
    except OverflowError as e:
        print("OverflowError", e)
for f in [1e300, 2.0**63, -2.0**63, 0.5, -0.5, float("inf"), float("-inf"), float("nan")]:
    for n in [2**63, 2**63 - 1, -2**63, 10**300, 0, 1, -1, 10**400]:
        print(f, n % 97, f == n, f < n, f >= n)
