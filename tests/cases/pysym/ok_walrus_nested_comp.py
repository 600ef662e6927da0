def f():
    return [[(z := j) for j in range(i)] for i in range(3)], z
