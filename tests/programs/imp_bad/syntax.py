x = 1
def f(x)
    pass
