# super(): zero, one and two arguments, unbound super and __get__, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    @staticmethod
    def s():
        return "A.s"
    x = "A.x"
    @property
    def p(self):
        return "A.p of " + type(self).__name__
class B(A):
    def f(self):
        return "B.f+" + super().f()
    @classmethod
    def c(cls):
        return "B.c+" + super().c()
    def g(self):
        return super().x, super().s(), super().p
class C(B):
    def f(self):
        return "C.f+" + super().f()
print(C().f(), C.c(), B().g())
b = B()
print(super(B, b).f(), super(A, b).__init__ is not None, super(B, B).f(b), super(B, C).c())
t(lambda: super(B, b).nope)
t(lambda: super(A, b).f())
t(super, B, 1)
t(super, 1, b)
t(super, 1)
t(super, B, b, 3)
t(super)
t(super, type=B)
def outside():
    return super()
t(outside)
class D(A):
    def m(self):
        def inner():
            return super().f()
        return inner
t(lambda: D().m()())

s = super(B)
print(repr(s), s.__thisclass__.__name__, s.__self__, s.__self_class__)
t(lambda: s.f)
bound = s.__get__(b, B)
print(repr(bound), bound.f(), bound.__self__ is b, bound.__self_class__.__name__)
print(s.__get__(None, B) is s, bound.__get__(C()) is bound)
t(s.__get__, 1)
t(s.__get__)
class E(A):
    def f(self):
        return "E.f+" + self.__sup.f()
E._E__sup = super(E)
print(E().f())
print(repr(super(B, b))[:29], type(super(B, b)).__name__)
print(super(B, None).__self__, repr(super(B, None)))
class M(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.made_by = "M"
        return cls
class WithM(metaclass=M):
    pass
print(WithM.made_by)
class Init:
    def __init__(self, v):
        self.v = v
class Init2(Init):
    def __init__(self):
        super().__init__(5)
        super(Init2, self).__init__(self.v + 1)
print(Init2().v)
class L(list):
    def append(self, x):
        super().append(x * 2)
l = L()
l.append(3)
print(l, super(L, l).__len__())
class Diamond0:
    def who(self):
        return ["D0"]
class Left(Diamond0):
    def who(self):
        return ["L"] + super().who()
class Right(Diamond0):
    def who(self):
        return ["R"] + super().who()
class Bottom(Left, Right):
    def who(self):
        return ["B"] + super().who()
print(Bottom().who(), super(Left, Bottom()).who())
