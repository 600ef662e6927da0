try:
    try:
        {}["missing"]
    except KeyError:
        None.attr
except AttributeError as e:
    print("AttributeError:", e)
    print("context:", repr(e.__context__))
    print("cause:", e.__cause__)
try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__))


def handler():
    try:
        raise OSError("io")
    except OSError:
        try:
            raise RuntimeError("rt")
        except RuntimeError as r:
            return r


r = handler()
print(repr(r), repr(r.__context__))
