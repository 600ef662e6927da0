# object(): instances, methods, comparisons, attribute errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

o = object()
print(type(o).__name__, o == o, o != o, o == object(), bool(o))
t(object, 1)
t(object, x=1)
t(setattr, o, "x", 1)
t(getattr, o, "x")
t(lambda: o.__dict__)
t(lambda: o < o)
t(lambda: o + 1)
print(object.__name__, object.__bases__, object.__mro__, object.__base__)
print(hash(o) == hash(o), str(o) == repr(o), format(o, "") == str(o))
t(format, o, "x")
print(isinstance(o, object), isinstance(1, object), issubclass(type, object))
print(object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1))
print(object.__lt__(o, o), object.__ge__(o, 1))
class C:
    pass
c = C()
print(object.__getattribute__(c, "__class__").__name__)
object.__setattr__(c, "a", 5)
print(c.a, object.__getattribute__(c, "a"))
object.__delattr__(c, "a")
t(object.__getattribute__, c, "a")
t(object.__setattr__, 1, "a", 2)
t(object.__new__, int)
t(object.__new__, C, 1)
print(type(object.__new__(C)).__name__)
class WithInit:
    def __init__(self, a):
        self.a = a
t(WithInit)
t(WithInit, 1, 2)
t(C, 1)
class NewOnly:
    def __new__(cls, *a):
        return super().__new__(cls)
print(type(NewOnly(1, 2)).__name__)
print(object.__init_subclass__() is None, object.__subclasshook__(int) is NotImplemented)
print(object().__reduce_ex__(2)[0].__name__)
class Eq:
    def __eq__(self, other):
        return "eq-result"
print(Eq() == 1, Eq() != 1, 1 == Eq())
print(type(object.__doc__).__name__ in ("str", "NoneType"))
