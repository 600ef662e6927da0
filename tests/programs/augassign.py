x = 5
x += 3
x -= 1
x *= 4
x //= 3
x %= 7
x **= 3
print(x)
s = "a"
s += "b"
print(s)
xs = [1, 2]
xs[0] += 10
print(xs[0])
