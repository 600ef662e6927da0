import sys
def f():
    fr = sys._getframe()
    a = 1
    print(sys._getframe().f_lineno, sorted(fr.f_locals))
    b = 2
    print(sorted(fr.f_locals), fr.f_back is sys._getframe(1), fr is sys._getframe())
    return fr
fr = f()
print(fr.f_lineno, sorted(fr.f_locals), fr.f_code.co_name, fr.f_back.f_code.co_name)
def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield 2
g = gen()
print(next(g), g.gi_frame.f_lineno, g.gi_frame.f_code.co_name, g.gi_frame.f_back)
def outer():
    def inner():
        return sys._getframe(1).f_locals["secret"]
    secret = 42
    return inner()
print(outer(), sys._getframe().f_back, sys._getframe().f_globals is globals())
