def g():
    x = yield 1
    print("x =", x)
    y = yield x + 1 if x else 0
    print("y =", y)
    z = (yield) or "default"
    print("z =", z)
    yield "end"


it = g()
print(next(it))
print(it.send(10))
print(it.send(20))
print(it.send(None))


def lam():
    f = lambda: (yield 5)
    return f


print(list(lam()()))
