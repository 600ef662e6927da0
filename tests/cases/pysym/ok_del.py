x = 1
del x
def f():
    del y
    del z.a, w[0]
