# dir(), vars(), globals(), locals(): contents, __dir__, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class A:
    cls_a = 1
    def meth(self):
        pass
class B(A):
    cls_b = 2
b = B()
b.inst = 3
print([n for n in dir(b) if not n.startswith("__")])
print([n for n in dir(B) if not n.startswith("__")])
print("__init__" in dir(b), "__class__" in dir(b), "__dict__" in dir(b))
print(dir(b) == sorted(dir(b)))

class WithDir:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(WithDir()))
class DirTuple:
    def __dir__(self):
        return ("q", "b")
print(dir(DirTuple()))
class DirBad:
    def __dir__(self):
        return 5
t(dir, DirBad())
t(dir, 1, 2)
t(dir, x=1)

def f():
    x = 1
    y = 2
    return dir()
print(f())
def g(a, b=2):
    c = a + b
    return sorted(locals().items())
print(g(1))

import math
print("pi" in dir(math), "sqrt" in dir(math))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir(1) if not n.startswith("_") and n not in ("real", "imag", "numerator", "denominator")])
print([n for n in dir(str) if not n.startswith("_")][:10])

print(vars(b))
print(sorted(k for k in vars(B) if not k.startswith("__")))
t(vars, 1)
t(vars, [])
t(vars, 1, 2)
t(vars, object=b)
class Slots:
    __slots__ = ("a",)
t(vars, Slots())
def h():
    q = 5
    return vars()
print(h())
print(vars(math) is math.__dict__)
print(type(vars(B)).__name__)

gl = globals()
print(type(gl).__name__, gl["__name__"], "t" in gl, gl is globals())
gl["new_global"] = 42
print(new_global)
t(globals, 1)
t(locals, 1)
t(globals, x=1)
print(locals() is globals())
def closure():
    v = 1
    def inner():
        return sorted(locals())
    w = 2
    def inner2():
        return v + w, sorted(locals())
    return inner(), inner2()
print(closure())
class K:
    a = 1
    b = sorted(locals())
print(K.b)
print(sorted(k for k in dir() if not k.startswith("__"))[:6])
