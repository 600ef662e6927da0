try:
    x = [1, 2, 3]
    print(x[10])
except IndexError:
    y = None
    y.append(1)
