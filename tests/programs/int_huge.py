n = 1
for i in range(1, 101):
    n *= i
s = str(n)
print(len(s), s[:30], s[-30:].count("0"))
print(n % (10 ** 9 + 7), n // 10 ** 150, n.bit_length())
print(int(s) == n, int(s[::-1].lstrip("0") or "0") % 1000)
a = 3 ** 500
b = 7 ** 300
print(a // b, a % b == a - (a // b) * b, (a * b) // b == a)
print(divmod(-a, b)[1] >= 0, pow(a, 3, b), (a - b) < 0)
print(-a // 10 ** 200, (-a) % 10 ** 5)
print(sum(int(d) for d in str(2 ** 3000)))
print((1 << 1000) >> 998, ((1 << 1000) - 1).bit_length(), (-(1 << 200)) >> 199)
print(2 ** 200 & 3 ** 100, (2 ** 100 | 1) ^ 2 ** 100)
