# float arithmetic in loops
x = 0.0
y = 1.0
for i in range(2000000):
    x = x + y * 0.5
    y = y * 0.999999 + 0.000001
print(round(x, 3), round(y, 6))
