# isinstance() and issubclass(): tuples, unions, ABC hooks, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class A: pass
class B(A): pass
class C: pass
t(isinstance, B(), A)
t(isinstance, A(), B)
t(isinstance, B(), (C, A))
t(isinstance, B(), (C, (int, (A,))))
t(isinstance, 1, int | str)
t(isinstance, "s", int | None)
t(isinstance, None, int | None)
t(isinstance, True, int)
t(isinstance, 1, bool)
t(isinstance, 1, float)
t(isinstance, int, type)
t(isinstance, type, type)
t(isinstance, type, object)
t(isinstance, 1, object)
t(isinstance, 1, ())
t(isinstance, 1, 1)
t(isinstance, 1, (int, 1))
t(isinstance, 1, (1, int))
t(isinstance, 1, list[int])
t(isinstance, 1, "int")
t(isinstance, 1)
t(isinstance, 1, int, 2)
t(isinstance, obj=1, class_or_tuple=int)
t(issubclass, B, A)
t(issubclass, A, B)
t(issubclass, A, A)
t(issubclass, bool, int)
t(issubclass, bool, (str, int))
t(issubclass, int, int | str)
t(issubclass, B, object)
t(issubclass, 1, int)
t(issubclass, B(), A)
t(issubclass, B, 1)
t(issubclass, B, ())
t(issubclass, list, list[int])
t(issubclass, int)
t(issubclass, int, int, int)

class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, obj)
        return obj == 42
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is int
class Any(metaclass=Meta):
    pass
t(isinstance, 42, Any)
t(isinstance, 41, Any)
t(isinstance, Any(), Any)
t(issubclass, int, Any)
t(issubclass, str, Any)
t(isinstance, 42, (str, Any))
class Weird(metaclass=Meta):
    pass
class RetNonBool(type):
    def __instancecheck__(cls, obj):
        return [1]
    def __subclasscheck__(cls, sub):
        return 0
class RN(metaclass=RetNonBool):
    pass
t(isinstance, 1, RN)
t(issubclass, int, RN)
class RaiseMeta(type):
    def __instancecheck__(cls, obj):
        raise ValueError("ic failed")
class RM(metaclass=RaiseMeta):
    pass
t(isinstance, 1, RM)

class FakeCls:
    __bases__ = ()
class Proxy:
    @property
    def __class__(self):
        return A
t(isinstance, Proxy(), A)
t(isinstance, Proxy(), Proxy)
import collections.abc as cabc
t(isinstance, [], cabc.Sequence)
t(isinstance, {}, cabc.Mapping)
t(isinstance, iter([]), cabc.Iterator)
t(issubclass, list, cabc.MutableSequence)
t(issubclass, dict, cabc.Sequence)
class HasLen:
    def __len__(self):
        return 0
t(isinstance, HasLen(), cabc.Sized)
t(issubclass, HasLen, cabc.Sized)
t(isinstance, 3, cabc.Hashable)
t(isinstance, [], cabc.Hashable)
