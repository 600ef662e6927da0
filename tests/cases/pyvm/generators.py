def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count_up(5)), sum(count_up(101)))


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo closing with", received)


e = echo()
print(next(e), e.send("a"), e.send("b"))
e.close()


def chain(*its):
    for it in its:
        yield from it
    return "done"


print(list(chain([1, 2], (3,), range(4, 6))))


def wrapper():
    result = yield from chain("ab")
    print("inner returned", result)
    yield "last"


print(list(wrapper()))
g = count_up(2)
print(next(g), next(g), next(g, "default"))
try:
    next(g)
except StopIteration:
    print("stopped")


def ret():
    yield 1
    return 42


r = ret()
next(r)
try:
    next(r)
except StopIteration as s:
    print("value", s.value)


def catcher():
    while True:
        try:
            yield
        except ValueError as err:
            print("caught", err)


c = catcher()
next(c)
c.throw(ValueError("boom"))
c.throw(ValueError("again"))
gen_exp = (x * x for x in range(4))
print(gen_exp.__class__.__name__, list(gen_exp), list(gen_exp))
print(max(len(w) for w in ["a", "abc", "ab"]), "".join(c.upper() for c in "xyz"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)


def bad():
    yield 1
    raise StopIteration


try:
    list(bad())
except RuntimeError as err:
    print("RuntimeError:", err, type(err.__cause__).__name__)


def first_and_close():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


for x in first_and_close():
    print("got", x)
    break
print("after break")
