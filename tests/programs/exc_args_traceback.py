def thrower():
    raise ValueError("boom")


try:
    thrower()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__)
    n = 0
    while tb is not None:
        n += 1
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
    print(n)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
try:
    raise ZeroDivisionError("z").with_traceback(None)
except ZeroDivisionError as e:
    print("caught", e, e.__traceback__.tb_lineno)
