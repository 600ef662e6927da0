def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def defaults(a, b=2, *args, c, d=4, **kw):
    "docstring"
    return a + b

def outer():
    x = 1
    def inner(y):
        nonlocal x
        x += y
        return x
    return inner

g = lambda a, b=1: a + b

def gen(n):
    for i in range(n):
        yield i
    yield from range(3)

def annotated(a: int, b: str = "") -> bool:
    global counter
    counter = 1
    return True

@decorator
def decorated():
    pass

squares = [x * x for x in range(10) if x % 2]
pairs = {k: v for k, v in items}
uniq = {c for c in "hello"}
total = sum(x for x in range(5))
nested = [(a, b) for a in range(3) for b in range(a)]
