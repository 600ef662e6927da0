import sys
a = 3 ** 5000 + 12345
b = 7 ** 3000 - 999
p = a * b
print(p % (10**30), p.bit_length(), (p // a) == b, p % a, divmod(p + 5, b)[1])
c = (1 << 20000) - 1
d = c * c
print(d.bit_length(), d % 1000000007, (d >> 20000) == c - 1 + (d >> 20000) - (c - 1))
f = 1
for i in range(1, 1200): f *= i
print(len(str(f)), str(f)[:30], str(f)[-5:] if False else f % 10**40)
sys.set_int_max_str_digits(0)
s = str(7 ** 20000)
print(len(s), s[:20], s[-20:], int(s) == 7 ** 20000)
x = int('9' * 12000)
print(x.bit_length(), (x + 1) == 10 ** 12000)
sys.set_int_max_str_digits(4300)
print(hex(3 ** 200)[:30], oct(-(5 ** 90)), bin(2 ** 70 + 5)[-8:])
for v in (10**25, -10**25, 2**64 - 1, -2**63, 2**63):
    print(v, v // 7, v % 7, -v // 3, v * v, v - 1, hash(v), v >> 3, v << 3, ~v, v & 0xFFFF, v | 1, v ^ -1)
print(pow(7, 10**20, 10**9 + 7), pow(12345678901234567890, 65537, 2**127 - 1), pow(-7, 3, 10**30))
print((10**50).to_bytes(21, 'big').hex(), int.from_bytes((2**100).to_bytes(13, 'little'), 'little') == 2**100, (-(2**100)).to_bytes(14, 'big', signed=True).hex())
print(round(123456789123456789, -5), round(-123456789123456789, -10), round(10**30 + 5 * 10**9, -10))
print(abs(-10**40), -(-10**40), +(10**40), 10**40 == 10.0**40, 10**23 == 1e23, 2**1000 > 1e300, float(2**1000) == 2.0**1000)
print(int(1e300) % 10**10, int(-2.5e20), int(12345678901234567890.0))
