class AppError(Exception):
    pass


def load(v):
    try:
        return int(v)
    except ValueError as e:
        raise AppError("bad value %r" % v) from e


try:
    load("x")
except AppError as e:
    print("AppError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__)
    print("context is cause:", e.__context__ is e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError("v") from TypeError("t")
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
