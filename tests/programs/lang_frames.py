import sys
def f():
    x = 5
    fr = sys._getframe()
    print(fr.f_code.co_name, sys._getframe().f_lineno, fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    print(sys._getframe(1).f_code.co_name, fr.f_code.co_filename.endswith(".py"), fr.f_code.co_firstlineno)
    print(sorted(sys._getframe().f_locals), fr.f_globals is globals())
def g():
    f()
g()
def h(a, b=2, *c, d, **e):
    z = 1
    return h.__code__
co = h(1, d=3)
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_posonlyargcount, co.co_nlocals)
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next, type(tb).__name__)
    print(sys.exc_info()[2] is tb, sys.exc_info()[0].__name__)
def deep():
    raise KeyError("k")
def mid():
    deep()
try:
    mid()
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
def loc():
    a = 1; b = 2
    d = locals()
    d["zz"] = 3
    print(sorted(d), sorted(locals()) == dir())
loc()
class K:
    q = 1
    print(dir())
e = ValueError("x")
print(e.with_traceback(None) is e, e.__traceback__)
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
