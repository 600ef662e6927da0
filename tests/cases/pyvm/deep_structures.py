a = None
for i in range(1000000):
    a = [a]
del a
d = None
for i in range(300000):
    d = {"n": d}
d = 5
print("ok")
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError", e)
