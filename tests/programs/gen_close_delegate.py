def inner():
    try:
        yield "i1"
        yield "i2"
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


g = outer()
print(next(g))
g.close()
print("closed")


def inner_ret():
    x = yield "ready"
    return x * 2


def outer2():
    r = yield from inner_ret()
    yield "result %s" % r


h = outer2()
print(next(h))
print(h.send(21))
try:
    g2 = outer()
    next(g2)
    g2.throw(ValueError("into inner"))
except ValueError as e:
    print("ValueError:", e)
