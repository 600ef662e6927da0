def g(x):
    if x == 0:
        raise ValueError(f"bad x: {x}")
    return g(x - 1)
g(3)
