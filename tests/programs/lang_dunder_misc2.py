class Vec:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"Vec{self.c}"
    def __len__(self): return len(self.c)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vec(*self.c[i])
        return self.c[i]
    def __setitem__(self, i, v):
        c = list(self.c); c[i] = v; self.c = tuple(c)
    def __delitem__(self, i):
        c = list(self.c); del c[i]; self.c = tuple(c)
    def __add__(self, o): return Vec(*(a + b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return Vec(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self): return self * -1
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __bool__(self): return any(self.c)
    def __iter__(self): return iter(self.c)
    def __reversed__(self): return iter(self.c[::-1])
    def __contains__(self, v): return v in self.c
    def __index__(self): return len(self.c)
    def __format__(self, spec): return "<" + ",".join(format(a, spec) for a in self.c) + ">"
v = Vec(3, 4)
w = Vec(1, 2)
print(v + w, v * 2, 2 * v, v @ w, -v, abs(v), v == Vec(3, 4), v != w, len(v), bool(Vec(0, 0)))
print(v[0], v[-1], v[:1], list(reversed(v)), 4 in v, 5 in v, [1, 2, 3, 4][Vec(1, 1)], f"{v:.1f}")
v[0] = 9; print(v); del v[0]; print(v)
print({Vec(1): "one"}[Vec(1)], sorted([Vec(2), Vec(1)], key=abs), list(Vec(1, 2, 3)), max(Vec(5, 7)))
print(hex(Vec(1, 2)), bin(Vec(1, 2, 3)), "abc"[Vec(1):], range(10)[Vec(1, 2, 3)])
class Num:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Num({self.v})"
print(sorted([Num(3), Num(1)]), min(Num(2), Num(5)), max([Num(2), Num(5)]))
try:
    Num(1) <= Num(2)
except TypeError as e:
    print("TypeError:", e)
import functools
@functools.total_ordering
class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o): return self.p == o.p
    def __lt__(self, o): return self.p < o.p
print(Ver(1, 2) <= Ver(1, 3), Ver(2) >= Ver(1, 9), Ver(1) > Ver(1))
class Inst:
    def __instancecheck__(self, x): return True
print(isinstance(1, Inst()) if False else "skip")
class Sized:
    def __len__(self): return 0
print(bool(Sized()), not Sized(), "empty" if not Sized() else "full")
