def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run


inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))


def curry(f, n):
    def take(*got):
        if len(got) >= n:
            return f(*got)
        return lambda *more: take(*got, *more)
    return take


add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1, 2, 3))


def reduce_(f, seq, init):
    acc = init
    for x in seq:
        acc = f(acc, x)
    return acc


print(reduce_(lambda a, b: a * b, range(1, 8), 1))
print(reduce_(lambda a, b: b + a, "abc", ""))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b}
print([ops[o](10, 3) for o in "+-"])
