class A:
    def who(self):
        return ["A"]
    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"
class B(A):
    def who(self):
        return ["B"] + super().who()
    @classmethod
    def make(cls):
        return "B>" + super().make()
class C(A):
    def who(self):
        return ["C"] + super(C, self).who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.make())
print(super(B, D()).who(), super(D, D).make())
class Init:
    def __init__(self, **kw):
        self.kw = kw
        print("Init", kw)
class Left(Init):
    def __init__(self, left=0, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Init):
    def __init__(self, right=0, **kw):
        print("Right", right)
        super().__init__(**kw)
class Both(Left, Right):
    pass
Both(left=1, right=2, extra=3)
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class P:
    @property
    def v(self):
        return "P.v"
class Q(P):
    @property
    def v(self):
        return "Q+" + super().v
print(Q().v)
class Stat:
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls
class Stat2(Stat):
    pass
print(Stat.s(2), Stat().s(3), Stat2.c().__name__, Stat2().c().__name__)
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)
def outside(self):
    return super().who()
try:
    outside(B())
except RuntimeError as e:
    print("RuntimeError:", e)
s = super(B, B())
print(type(s).__name__, s.who())
class M:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class N(M, flag=True):
    pass
print(N.__bases__, N.__base__.__name__, issubclass(D, (int, A)), isinstance(D(), C))
print(D.mro() == list(D.__mro__), object.__subclasshook__ is not None)
