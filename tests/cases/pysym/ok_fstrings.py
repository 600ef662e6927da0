def f(width, value):
    return f"{value!r:>{width}} {other=}"
