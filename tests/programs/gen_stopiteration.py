def bad():
    yield 1
    raise StopIteration("oops")


g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))


def ret():
    yield 1
    return 42


g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)


def use_next(it):
    yield next(it)
    yield next(it)


try:
    print(list(use_next(iter([1]))))
except RuntimeError as e:
    print("RuntimeError:", e)
