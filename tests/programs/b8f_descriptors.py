# classmethod, staticmethod, property: binding, attributes, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class C:
    x = 10
    @classmethod
    def cm(cls, a=1):
        return (cls.__name__, a)
    @staticmethod
    def sm(a, b=2):
        return a + b
    def __init__(self):
        self._p = 0
    @property
    def p(self):
        "the p property"
        return self._p
    @p.setter
    def p(self, v):
        if v < 0:
            raise ValueError("negative")
        self._p = v
    @p.deleter
    def p(self):
        print("deleting p")
        self._p = None
    ro = property(lambda self: "read-only")
    wo = property(None, lambda self, v: print("set wo", v))
class D(C):
    pass

print(C.cm(), C().cm(5), D.cm(), D().cm(a=3))
print(C.sm(1), C().sm(1, b=5), D.sm(3))
c = C()
c.p = 5
print(c.p)
t(setattr, c, "p", -1)
del c.p
print(c.p)
print(c.ro)
t(setattr, c, "ro", 1)
t(delattr, c, "ro")
c.wo = 3
t(getattr, c, "wo")
print(C.p.__doc__, C.ro.__doc__)
print(type(C.p).__name__, C.p.fget.__name__, C.p.fset.__name__, C.p.fdel.__name__)
print(C.ro.fset, C.ro.fdel)
print(isinstance(C.__dict__["cm"], classmethod), isinstance(C.__dict__["sm"], staticmethod))
print(C.__dict__["sm"].__func__ is C.sm, C.__dict__["cm"].__func__.__name__)
print(C.p is C.__dict__["p"])

sm = staticmethod(len)
print(sm.__func__ is len)
cm = classmethod(lambda cls: cls)
print(cm.__func__.__name__)
t(staticmethod)
t(classmethod)
t(staticmethod, 1, 2)
t(classmethod, 1, 2)
t(property, 1, 2, 3, 4, 5)
# a non-callable is accepted; calling it fails
class E:
    s = staticmethod(5)
    c = classmethod(5)
t(lambda: E.s())
t(lambda: E.c())

def getter(self):
    "getter doc"
    return 1
p = property(getter)
print(p.__doc__)
p2 = property(getter, doc="explicit")
print(p2.__doc__)
class G:
    a = p
    b = p2
print(G().a, G().b)
p3 = p.setter(lambda s, v: None)
print(p3 is p, p3.fget is getter, p3.__doc__)
p4 = p.getter(lambda s: 2)
print(p4.__doc__)

class Sub(property):
    pass
class H:
    @Sub
    def q(self):
        return "sub prop"
print(H().q, type(H.__dict__["q"]).__name__)
# staticmethod/classmethod called directly (3.10+: staticmethod is callable)
print(staticmethod(lambda: 7)())
print(callable(staticmethod(len)), callable(classmethod(len)))
t(lambda: property().__get__(1))
t(lambda: property().__set__(1, 2))
t(lambda: property().__delete__(1))
class K:
    p = property()
t(getattr, K(), "p")
t(setattr, K(), "p", 1)
t(delattr, K(), "p")
print(K.p.__get__(None, K) is K.p)
print(property.__name__, classmethod.__name__, staticmethod.__name__)
class W:
    @classmethod
    @property
    def name(cls):
        return "cls-prop " + cls.__name__
print(W.name)
