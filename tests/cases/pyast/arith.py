x = 1 + 2 * 3 - 4 / 5 // 6 % 7 ** -8
y = (1 + 2) * 3
z = ~x << 2 >> 1 & 3 | 4 ^ 5 @ m
a = not x and y or z
b = 1 < x <= 2 != y is not None
c = x in y not in z
print(x, y, z)
