def f(x, (a, b)):
    pass
