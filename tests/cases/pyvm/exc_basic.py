def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", x)


print(f(2))
print(f(0))
try:
    raise ValueError("bad value")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e.args)
try:
    [1, 2][5]
except IndexError as e:
    print("index:", e)
try:
    {}["k"]
except KeyError as e:
    print("key:", e, repr(e))
try:
    undefined_name
except NameError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("inner")
except RuntimeError as e:
    print(e, type(e.__context__).__name__)
try:
    raise KeyError("x") from None
except KeyError as e:
    print(e.__suppress_context__, e.__cause__)
x = 0
while True:
    try:
        x += 1
        if x > 3:
            break
    finally:
        print("loop", x)
print("done")
