def f():
    try:
        raise ValueError("original")
    finally:
        print("in finally")


def g():
    try:
        f()
    except ValueError as e:
        print("g caught", e)
        return "g done"
    finally:
        print("g finally")


print(g())


def h(n):
    try:
        if n:
            raise KeyError(n)
        return "no error"
    except KeyError as e:
        return "caught " + repr(e)
    finally:
        print("h finally", n)


print(h(0))
print(h("k"))
