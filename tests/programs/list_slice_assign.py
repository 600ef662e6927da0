a = list(range(10))
print(a[2:8:2], a[::-1], a[-3:], a[:-7], a[8:2:-2])
a[2:5] = ["x"]
print(a)
a[::2] = "ABCD"
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del a[-2:]
print(a)
b = [0] * 5
b[1:4] = range(3)
print(b)
b[len(b):] = [9, 9]
print(b)
s = slice(1, None, 2)
print(b[s])
b[s] = [7] * len(b[s])
print(b)
try:
    b[100]
except IndexError as e:
    print("IndexError:", e)
try:
    b[100] = 1
except IndexError as e:
    print("IndexError:", e)
