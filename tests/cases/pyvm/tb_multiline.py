def f(a, b):
    return a * b


result = f(
    2,
    f("x", None),
)
