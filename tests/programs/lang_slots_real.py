class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = S()
print(s.a, type(S.a).__name__, S.a, S.__slots__)
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError:", e)
class D(S):
    pass
d = D(); d.c = 5; print(d.c, d.__dict__, d.a)
class W:
    __slots__ = ("x", "__dict__")
w = W(); w.x = 1; w.y = 2; print(w.__dict__, w.x)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class BadInt(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
class E(S):
    __slots__ = ("c",)
e = E(); e.c = 3; e.b = 2
print(e.a, e.b, e.c, hasattr(e, "__dict__"), S.a.__get__(e, E), S.__dict__["b"].__name__)
S.a.__set__(e, 9); print(e.a)
print(sorted(k for k in E.__dict__ if not k.startswith("__")))
class WR:
    __slots__ = ("__weakref__",)
print(hasattr(WR(), "__dict__"), "__weakref__" in WR.__dict__)
class Empty:
    __slots__ = ()
try:
    Empty().z = 1
except AttributeError as e:
    print("AttributeError:", e)
class Str:
    __slots__ = "single"
x = Str(); x.single = 4; print(x.single, Str.__slots__)
import sys
print(sys.getsizeof(1) > 0)
