def inner():
    try:
        raise KeyError("k")
    except KeyError:
        print("inner logs and re-raises")
        raise


try:
    inner()
except KeyError as e:
    print("outer got", repr(e))
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        err = e
    raise err
except ValueError as e:
    print("again", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)


def nested():
    try:
        raise TypeError("t")
    except TypeError:
        try:
            raise ValueError("v")
        except ValueError:
            pass
        raise


try:
    nested()
except TypeError as e:
    print("nested re-raise", repr(e))
e = None
try:
    raise OSError("gone")
except OSError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
