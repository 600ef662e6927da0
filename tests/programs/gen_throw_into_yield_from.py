def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "inner recovered"
    return "inner return"


def outer():
    r = yield from inner()
    print("outer sees", r)
    yield "outer end"


g = outer()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
g2 = outer()
next(g2)
try:
    g2.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
