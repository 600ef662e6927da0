def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return "inner-%d" % n


def outer():
    r1 = yield from inner(2)
    print("r1", r1)
    r2 = yield from inner(3)
    print("r2", r2)
    yield from [10, 20]
    yield from "ab"
    return "outer-done"


g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))


def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))


def wrapper():
    v = yield from outer()
    yield "wrapped " + v


print(list(wrapper())[-1])
