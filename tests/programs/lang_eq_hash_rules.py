class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, OnlyEq) and self.v == o.v
print(OnlyEq.__hash__, OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(2))
try:
    hash(OnlyEq(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {OnlyEq(1)}
except TypeError as e:
    print("TypeError:", e)
try:
    {OnlyEq(1): 2}
except TypeError as e:
    print("TypeError:", e)

class Both:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
s = {Both(1), Both(1), Both(2)}
print(len(s), Both(1) in s, {Both(3): "x"}[Both(3)])

class Child(Both):
    def __eq__(self, o): return False
print(Child.__hash__)
class Child2(Both):
    pass
print(hash(Child2(5)) == hash(5))
class Explicit(OnlyEq):
    __hash__ = object.__hash__
print(type(hash(Explicit(1))).__name__)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)

print(NoHash.__hash__)
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class NeOnly:
    def __ne__(self, o): return "custom ne"
print(NeOnly() != 1, NeOnly() == NeOnly())
class EqReturnsNI:
    def __eq__(self, o): return NotImplemented
a = EqReturnsNI()
print(a == a, a == EqReturnsNI(), a != a)
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash(-1), hash(-2))
print(1 == 1.0, {1: "a", 1.0: "b", True: "c"})
class Inverse:
    def __eq__(self, o):
        print("Inverse eq called")
        return True
print(1 == Inverse(), Inverse() == 1, [Inverse()] == [2], (1,) in [(Inverse(),)])
