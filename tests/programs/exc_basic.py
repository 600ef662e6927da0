def safe_div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("else runs")
        return r
    finally:
        print("finally runs")


print(safe_div(6, 3))
print(safe_div(1, 0))
try:
    try:
        raise ValueError("inner")
    finally:
        print("cleanup")
except ValueError as e:
    print("outer caught", e)
try:
    [1, 2][5]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print(type(e).__name__, e)
try:
    raise TypeError
except Exception as e:
    print(repr(e), e.args)
