# CALL of a class runs a Python __init__ inline: every way it can differ
# from type.__call__ (keywords, defaults, a bad return, __new__, errors,
# a replaced __init__, recursion through constructors).
class A:
    def __init__(self, x, y=2, *, z=3):
        self.s = x + y + z
class B(A):
    def __init__(self, x):
        super().__init__(x, z=10)
class R:
    def __init__(self):
        return 5
class G:
    def __init__(self):
        yield 1
class N:
    def __new__(cls, *a):
        print("new", a)
        return object.__new__(cls)
    def __init__(self, a):
        self.a = a
def mk(c, *a, **k):
    return c(*a, **k)
for i in range(3):
    print(A(1).s, A(1, 5).s, A(1, y=7, z=1).s, B(4).s, N(i).a)
for c in (R, G):
    for i in range(2):
        try:
            c()
        except TypeError as e:
            print("TypeError", e)
try:
    A()
except TypeError as e:
    print("TypeError", e)
try:
    A(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
class E:
    def __init__(self, v):
        if v:
            raise ValueError(v)
        self.v = v
for v in (0, 1, 0):
    try:
        print(E(v).v)
    except ValueError as e:
        print("ValueError", e)
A.__init__ = lambda self: setattr(self, "s", "lam")
print(A().s)
def init2(self, q):
    self.s = q * 2
A.__init__ = init2
print(A(21).s, B.__mro__[1].__name__)
def deep(n):
    return D(n)
class D:
    def __init__(self, n):
        self.n = n if n == 0 else deep(n - 1).n + 1
print(D(50).n)
