def lcg(seed, bits):
    x, out = seed, 0
    for _ in range(bits // 60 + 1):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        out = (out << 60) | (x >> 4)
    return out >> (out.bit_length() - bits) if out.bit_length() > bits else out
sizes = [31, 64, 1000, 1535, 1536, 1537, 3000, 5000, 9999, 20000, 64 * 48, 64 * 96 + 5]
M = 2**127 - 1
for i, a_bits in enumerate(sizes):
    for j, b_bits in enumerate(sizes):
        a = lcg(i * 31 + j + 1, a_bits) | 1
        b = -lcg(j * 17 + i + 7, b_bits) if (i + j) % 3 == 0 else lcg(j * 17 + i + 7, b_bits)
        p = a * b
        print(a_bits, b_bits, p % M, p.bit_length(), (p // a) == b, p % 1000003)
x = 3**20000
print((x * x) % M, (x * x) // x == x, ((x + 1) * (x - 1)) == x * x - 1, (x * x * x).bit_length())
y = (1 << 100000) - 1
print((y * y) % M, (y * y + 2 * y + 1) == (y + 1) ** 2, pow(y, 3) % M)
z = 10**5000 + 7
print(divmod(z * z + 5, z)[1], (z * z) % (10**9 + 7), str(z * 3 % 10**50)[:5], len(str(z * z)) if False else 0)
