def f(it):
    return sum(x for x in it), max((y for y in it), default=0)
