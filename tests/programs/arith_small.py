a = 17
b = 5
print(a + b, a - b, a * b, a // b, a % b, a ** 2)
print(-a, -(-a), - b + a)
print(b - a, (b - a) * 3, 2 ** 10, 2 ** 0, 0 ** 0)
print(1 + 2 * 3 - 4 // 2 % 3)
print((1 + 2) * (3 + 4), 100 // 7 // 2, 2 ** 3 ** 2)
x = 0
x = x + 1
x = x * 10
print(x)
