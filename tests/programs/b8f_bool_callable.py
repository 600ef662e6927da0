# bool() and callable(): truth of everything, hooks, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in (0, 1, -1, 0.0, -0.0, 0.1, 0j, 1j, "", " ", b"", b"\0", [], [0], (), ((),),
          {}, {0: 0}, set(), frozenset({0}), range(0), range(1), None, ..., NotImplemented if False else 0,
          2**100, bytearray(), object()):
    print(repr(x) if not isinstance(x, object) or type(x) is not object else "object()", bool(x))
print(bool(), bool(False), bool(True))
t(bool, 1, 2)
t(bool, x=1)
class B:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 3
class L0:
    def __len__(self):
        return 0
class BadB:
    def __bool__(self):
        return 1
class BadL:
    def __len__(self):
        return -1
class BadL2:
    def __len__(self):
        return "x"
class BigL:
    def __len__(self):
        return 2**70
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class NoneBool:
    __bool__ = None
for c in (B, L, L0, BadB, BadL, BadL2, BigL, Both, NoneBool):
    t(bool, c())
print(bool.__name__, bool.__base__.__name__, isinstance(True, int))
t(type, "bool", (bool,), {})
print(True + True, True * 3, -True, ~True, True & False, True | False, True ^ True)
print(repr(True & True), repr(True | 0), type(True & 1).__name__)

def f(): pass
class C:
    def m(self): pass
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass
class WithCall:
    def __call__(self):
        return 1
for x in (f, C, C(), C().m, C.s, C.c, len, print, int, type, WithCall(), WithCall,
          lambda: 0, 1, "s", None, [].append, str.upper, (x for x in ()), object()):
    print(callable(x), end=" ")
print()
inst = C()
inst.__call__ = lambda: 1
print(callable(inst))
t(callable)
t(callable, 1, 2)
t(callable, obj=1)
