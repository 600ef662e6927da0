def f():
    (x): int = 1
    y.z: int = 2
    w[0]: int
    (q): int
    return x
