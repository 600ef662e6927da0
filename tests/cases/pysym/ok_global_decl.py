def f():
    global counter, other
    counter = 1
    return other
def g():
    return counter
