def two(a, b):
    return a + b


def one_def(a, b=1):
    return a + b


def attempt(fn, *args, **kw):
    try:
        print(fn(*args, **kw))
    except TypeError as e:
        print("TypeError:", e)


attempt(two, 1)
attempt(two)
attempt(two, 1, 2, 3)
attempt(two, 1, a=2)
attempt(two, 1, 2, c=3)
attempt(one_def)
attempt(one_def, 1, 2, 3)
attempt(two, 1, b=2)
attempt(len)
attempt(len, 1)
attempt(len, [1], [2])
attempt(int, "x", "y", "z")
attempt(abs, None)
