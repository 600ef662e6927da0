def logged(fn):
    def wrapper(*args):
        print("calling", fn.__name__, args)
        return fn(*args)
    return wrapper


@logged
def risky(a, b):
    return a[b]


print(risky([1, 2], 1))
risky([1, 2], 5)
