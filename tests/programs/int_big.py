a = 2 ** 100
print(a)
print(a * a)
print(-a // 7, -a % 7, divmod(a, -13))
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // 10 ** 20, f % 10 ** 20)
print(len(str(3 ** 1000)))
print(int("123456789" * 5) + 1)
print(a >> 90, a << 10, a & (2 ** 64 - 1), a | 1, a ^ a)
print(-(2 ** 70) >> 3, ~(2 ** 65))
print((10 ** 30) == 10 ** 30, 10 ** 30 < 10 ** 31, -(10 ** 30) < 5)
print(pow(3, 200, 1000007), pow(2, -1, 7))
print(abs(-(7 ** 40)), hex(2 ** 80), bin(2 ** 70)[:10])
print((2 ** 64).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(12345678901234567890 * 98765432109876543210)
