# abs() and divmod(): numbers, dunder hooks, arity and type errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in (0, -0, 5, -5, 2**100, -2**100, 0.0, -0.0, -1.5, float('inf'), float('-inf'),
          True, False, 3+4j, -3j, complex(-0.0, 0.0)):
    t(abs, x)
t(abs)
t(abs, 1, 2)
t(abs, "x")
t(abs, None)
t(abs, [1])
t(abs, x=1)

class A:
    def __abs__(self):
        return "absolute"
class B:
    def __abs__(self):
        raise ValueError("no abs")
class I(int):
    def __abs__(self):
        return 99
class F(float):
    pass
t(abs, A())
t(abs, B())
t(abs, I(-3))
t(abs, F(-2.5))
print(type(abs(F(-2.5))).__name__, type(abs(True)).__name__)
print(abs(-2**63), abs(-2**64 + 1))

for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (7.5, 2), (-7.5, 2),
             (7, 0.5), (2**70, 3), (-2**70, 7), (True, 2), (1e308, 1e-308),
             (float('inf'), 1), (5, float('inf')), (-5, float('inf')), (float('nan'), 2)):
    t(divmod, a, b)
t(divmod, 1, 0)
t(divmod, 1.0, 0)
t(divmod, 1, 0.0)
t(divmod, 2**80, 0)
t(divmod, 1)
t(divmod, 1, 2, 3)
t(divmod)
t(divmod, "a", 1)
t(divmod, 1, "a")
t(divmod, 1+2j, 1)
t(divmod, [], {})

class D:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
class N:
    def __divmod__(self, o):
        return NotImplemented
t(divmod, D(), 3)
t(divmod, 3, D())
t(divmod, N(), 3)
t(divmod, 3, N())
class J(int):
    def __rdivmod__(self, o):
        return "J.rdivmod"
t(divmod, 10, J(3))
t(divmod, J(10), 3)
print(int.__divmod__(7, 2), float.__divmod__(7.0, 2), int.__rdivmod__(2, 7))
print(int.__divmod__(7, 2.0), (7).__abs__(), (-2.5).__abs__())
