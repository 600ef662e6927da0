def f(a=lambda: 1, *, b=lambda q: q):
    return (lambda x, y=a: x + y)
g = lambda *args, **kw: (args, kw)
