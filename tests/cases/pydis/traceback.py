def f(a, b):
    return a.x + b[0] / 0

class A:
    x = 1
print(f(A(), [2]))
