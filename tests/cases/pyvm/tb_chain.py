def g(d):
    return d["missing"]


def f():
    try:
        g({})
    except KeyError as e:
        raise ValueError("converted") from e


f()
