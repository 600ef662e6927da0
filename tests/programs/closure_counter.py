def make_counter(start=0):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


c = make_counter()
print(c(), c(), c(5))
d = make_counter(100)
print(d(), c())
print(c.__code__.co_freevars)
print(make_counter.__code__.co_cellvars)
