# hash() and id(): values of numbers, containers, __hash__ hooks, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in (0, 1, -1, -2, 2**61 - 1, 2**61, 2**64, -2**64, 10**30, True, False, 0.0, -0.0,
          1.5, -1.5, 1e300, float("inf"), float("-inf"), 2.0**70, 1j, 1+2j, (), (1, 2),
          (1, (2, 3)), frozenset(), frozenset({1, 2})):
    t(hash, x)
print(hash(1) == hash(1.0) == hash(1+0j), hash(2**61 - 1) == hash(0))
t(hash, [])
t(hash, {})
t(hash, set())
t(hash, (1, []))
t(hash, bytearray())
t(hash, slice(1, 2))
t(hash)
t(hash, 1, 2)
t(hash, obj=1)
print(hash("abc") == hash("abc"), hash(b"xy") == hash(b"xy"))

class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
for v in (5, -1, -2, 2**64, -2**64, 2**61 - 1, 2**63, True):
    t(hash, H(v))
t(hash, H("s"))
t(hash, H(1.5))
t(hash, H(None))
class IntSub(int):
    pass
t(hash, H(IntSub(12)))
class Unhash:
    __hash__ = None
t(hash, Unhash())
class Eq:
    def __eq__(self, o):
        return True
t(hash, Eq())
class EqH(Eq):
    __hash__ = object.__hash__
print(type(hash(EqH())).__name__)
class Raise:
    def __hash__(self):
        raise KeyError("no hash")
t(hash, Raise())
t(lambda: {Unhash(): 1})
h3 = H(3)
t(lambda: {h3: "a"}[h3])
t(lambda: {H(3): "a"}.get(H(3), "missing"))

a = object()
b = object()
print(id(a) == id(a), id(a) != id(b), type(id(a)).__name__, id(a) > 0)
x = [1]
y = x
print(id(x) == id(y), id(x) == id([1]) and False)
t(id)
t(id, 1, 2)
t(id, obj=1)
print(id(None) == id(None), id(len) == id(len))
