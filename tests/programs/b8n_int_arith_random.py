# Big-int arithmetic on pseudo-random operands of many sizes and signs:
# + - * // % divmod ** << >> & | ^ ~, abs, comparisons and int(str(x)),
# checked against CPython's results and the usual identities.
state = 31337
def r64():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state
def rint():
    bits = [1, 8, 31, 32, 33, 62, 63, 64, 65, 100, 128, 500, 1000, 3000][r64() % 14]
    v = 0
    for _ in range(bits // 64 + 1):
        v = (v << 64) | r64()
    v >>= (64 - bits % 64) if bits % 64 else 0
    if r64() % 5 == 0:
        v = (1 << bits) - 1 if r64() & 1 else 1 << bits
    return -v if r64() & 1 else v
M = 2**61 - 1
cs = 0
def mix(v):
    global cs
    cs = (cs * 1000003 + v) % M
for i in range(3000):
    a, b = rint(), rint()
    s, d, p = a + b, a - b, a * b
    mix(s); mix(d); mix(p)
    assert s - b == a and d + b == a
    if b:
        q, r = divmod(a, b)
        assert q == a // b and r == a % b and q * b + r == a
        assert r == 0 or (r < 0) == (b < 0)
        mix(q); mix(r)
    sh = r64() % 200
    mix(a << sh); mix(a >> sh)
    assert (a << sh) >> sh == a
    mix(a & b); mix(a | b); mix(a ^ b); mix(~a)
    assert (a & b) + (a | b) == a + b and (a ^ b) == (a | b) - (a & b)
    mix((a < b) + 2 * (a == b) + 4 * (a > b))
    if abs(a) < 2**200:
        e = r64() % 20
        mix(a ** e)
    assert int(str(a)) == a and int(hex(a), 16) == a and int(bin(a), 0) == a
    if i % 150 == 0:
        print(i, a if abs(a) < 10**60 else "big", b if abs(b) < 10**60 else "big", s % 10**12,
              p % 10**12, (a // b if b else "-"), a.bit_length(), a.bit_count())
print("checksum", cs)
x = 3**5000
y = 7**3000 + 1
print(x // y % 10**20, x % y % 10**20, (x * y) % 10**20, x.bit_length(), (x * y).bit_length(), len(str(x // 10**3000)))
print((x * x) // (y * y) % 10**20, (-x) // y % 10**20, (-x) % y % 10**20)
print(divmod(-(10**100), 7), divmod(10**100, -7), divmod(-(10**100), -(10**40 + 1)))
