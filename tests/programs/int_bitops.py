def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c


print([popcount(i) for i in range(17)])
print(bin(0b1010 ^ 0b0110), bin(0b1100 & 0b1010), bin(0b1100 | 0b0011))
print(-1 & 0xFF, -256 >> 4, -1 >> 100, 1 << 100)
print((1 << 64) - 1, ((1 << 64) - 1) >> 63, -(1 << 64) >> 1)
print(~0, ~-1, ~(2 ** 100) + 2 ** 100)
x = 0
for bit in (0, 3, 5, 70):
    x |= 1 << bit
print(x, x.bit_length(), bin(x).count("1"))
print((x >> 3) & 1, (x >> 4) & 1, x & -x)
print(int.bit_count(255) if hasattr(int, "bit_count") else 8)
