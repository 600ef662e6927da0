# obj.__class__ = B: the object's class changes (methods, isinstance, caches)
class A:
    kind = "a"
    def f(self):
        return "A.f"
    def __repr__(self):
        return "<A>"

class B:
    kind = "b"
    def f(self):
        return "B.f"
    def __repr__(self):
        return "<B>"

def call_f(o):
    return o.f()            # one LOAD_METHOD site, cached on the type

def get_kind(o):
    return o.kind           # one LOAD_ATTR site

a = A()
a.x = 1
for _ in range(3):
    print(call_f(a), get_kind(a), repr(a))
a.__class__ = B
for _ in range(3):
    print(call_f(a), get_kind(a), repr(a))
print(type(a).__name__, isinstance(a, B), isinstance(a, A), a.x, a.__dict__)
setattr(a, "__class__", A)
print(type(a).__name__, call_f(a))
object.__setattr__(a, "__class__", B)
print(type(a).__name__, call_f(a))

# in a loop: the store site must not be cached as a dict store
objs = [A() for _ in range(4)]
for i, o in enumerate(objs):
    o.__class__ = B if i % 2 else A
print([type(o).__name__ for o in objs], [o.f() for o in objs], objs[1].__dict__)

# subclasses of a builtin share its layout
class L1(list):
    def total(self):
        return sum(self)
class L2(list):
    def total(self):
        return -sum(self)
l = L1([1, 2, 3])
print(l.total())
l.__class__ = L2
print(l.total(), l, len(l))

# same __slots__ layout
class S1:
    __slots__ = ("p", "q")
class S2:
    __slots__ = ("p", "q")
s = S1()
s.p = 5
s.__class__ = S2
print(type(s).__name__, s.p)

# a class with __setattr__ that forwards to object
class Tracked:
    def __setattr__(self, name, value):
        print("set", name)
        object.__setattr__(self, name, value)
class Other:
    pass
t = Tracked()
t.__class__ = Other
print(type(t).__name__)

# errors
def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)

def set_int():
    (1).__class__ = bool
def set_builtin():
    a.__class__ = int
def set_nonclass():
    a.__class__ = 3
def set_slots():
    a.__class__ = S1
def set_list():
    l.__class__ = A
def del_class():
    del a.__class__
def set_obj():
    object().__class__ = A
attempt("int", set_int)
attempt("builtin", set_builtin)
attempt("nonclass", set_nonclass)
attempt("slots", set_slots)
attempt("list", set_list)
attempt("del", del_class)
attempt("object", set_obj)
print(type(a).__name__)
