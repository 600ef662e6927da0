# closures
def make_adder(n):
    def add(x):
        return x + n
    return add


def counter():
    c = 0

    def inc():
        nonlocal c
        c += 1
        return c
    return inc


total = 0
inc = counter()
for i in range(900000):
    total = make_adder(i)(total) % 1000003
    inc()
print(total, inc())
