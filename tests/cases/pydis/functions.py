def outer(a, b=2, *args, c, d=4, **kw):
    x = a + b
    def inner(y):
        nonlocal x
        x += y
        return x * c
    return inner

def gen(n):
    for i in range(n):
        yield i * i
    yield from range(3)

lam = lambda p, /, q: p ** q
sq = [v * v for v in range(10) if v % 2]
print(outer(1, c=3)(4), list(gen(3)), lam(2, 10), sq)
