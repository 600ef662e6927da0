# traceback entries' frames: f_code, f_globals, f_locals, f_back, f_lineno;
# code.co_positions() as traceback.py reads it
import sys
import itertools

X = 5

def inner(a):
    b = a * 2
    sys._getframe()         # gives this frame an object: tb_frame is it
    raise ValueError("boom %d" % b)

def outer():
    inner(3)

def plain():
    return 1 / 0

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    rows = []
    while tb:
        fr = tb.tb_frame
        # (the running module frame's f_lineno is left out: pyvm knows it
        # only as of the frame's last call)
        lineno = fr.f_lineno if fr.f_code.co_name != "<module>" else None
        rows.append((fr.f_code.co_name, tb.tb_lineno, lineno, fr.f_globals is globals()))
        tb = tb.tb_next
    print(rows)
    last = e.__traceback__.tb_next.tb_next.tb_frame
    print(last.f_locals["a"], last.f_locals["b"], last.f_code.co_name)
    print(last.f_back.f_code.co_name, last.f_back.f_back.f_code.co_name)
    print(e.__traceback__.tb_frame.f_locals is globals())

try:
    plain()
except ZeroDivisionError as e:
    fr = e.__traceback__.tb_next.tb_frame
    print(fr.f_code.co_name, fr.f_globals["X"], fr.f_lineno)

def get_position(code, lasti):
    # as traceback._get_code_position
    return next(itertools.islice(code.co_positions(), lasti // 2, None))

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    while tb:
        ln, end_ln, col, end_col = get_position(tb.tb_frame.f_code, tb.tb_lasti)
        print(tb.tb_frame.f_code.co_name, ln, end_ln, col, end_col)
        tb = tb.tb_next

def f():
    pass
print(all(len(p) == 4 for p in f.__code__.co_positions()))
print(any(p[0] == f.__code__.co_firstlineno + 1 for p in f.__code__.co_positions()))
