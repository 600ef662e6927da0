class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x})"
ops = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift",
       "rshift", "and", "xor", "or"]
for name in ops:
    def fwd(self, o, name=name):
        return f"{name}({self.x},{o})"
    def rev(self, o, name=name):
        return f"r{name}({self.x},{o})"
    def inp(self, o, name=name):
        return V(f"i{name}({self.x},{o})")
    setattr(V, f"__{name}__", fwd)
    setattr(V, f"__r{name}__", rev)
    setattr(V, f"__i{name}__", inp)
v = V(1)
print(v + 2, v - 2, v * 2, v @ 2, v / 2, v // 2, v % 2, v ** 2, v << 2, v >> 2, v & 2, v ^ 2, v | 2)
print(2 + v, 2 - v, 2 * v, 2 @ v, 2 / v, 2 // v, 2 % v, 2 ** v, 2 << v, 2 >> v, 2 & v, 2 ^ v, 2 | v)
w = V(0)
w += 1; print(w)
w = V(0); w -= 1; print(w)
w = V(0); w *= 1; print(w)
w = V(0); w @= 1; print(w)
w = V(0); w /= 1; print(w)
w = V(0); w //= 1; print(w)
w = V(0); w %= 1; print(w)
w = V(0); w **= 1; print(w)
w = V(0); w <<= 1; print(w)
w = V(0); w >>= 1; print(w)
w = V(0); w &= 1; print(w)
w = V(0); w ^= 1; print(w)
w = V(0); w |= 1; print(w)
print(pow(v, 3), divmod.__name__)

class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
    def __round__(self, n=None): return f"round{n}"
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __index__(self): return 3
    def __trunc__(self): return 9
    def __floor__(self): return 10
    def __ceil__(self): return 11
u = U()
import math
print(-u, +u, ~u, abs(u), round(u), round(u, 2), int(u), float(u), complex(u))
print([0, 1, 2, 3, 4][u], bin(u), hex(u), oct(u), math.trunc(u), math.floor(u), math.ceil(u))

class N:
    pass
for expr in ["N() + 1", "1 - N()", "N() * N()", "N() @ 1", "N() < 1", "-N()", "~N()",
             "N() ** 2", "abs(N())", "N()[0]", "len(N())", "N()()", "iter(N())", "1 in N()",
             "N() += 1" ]:
    try:
        if "+=" in expr:
            n = N(); n += 1
        else:
            eval(expr)
    except TypeError as e:
        print(f"{expr!r}: {e}")

class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print(e)
try:
    NI() < 3
except TypeError as e:
    print(e)
print(NI() == NI(), NI() != 1)

class Sub(V):
    def __radd__(self, o):
        return "Sub radd wins"
print(V(1) + Sub(2))
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print("lt"); return self.v < o.v
    def __gt__(self, o): print("gt"); return self.v > o.v
    def __le__(self, o): return NotImplemented
    def __ge__(self, o): print("ge"); return True
print(Cmp(1) < Cmp(2), Cmp(1) > Cmp(2), Cmp(1) <= Cmp(2))
print(sorted([Cmp(3), Cmp(1), Cmp(2)], key=lambda c: c.v)[0].v)
print(1 < 2 < 3, 3 > 2 > 2, (1, 2) < (1, 3), [1, 2] <= [1, 2], "a" < "b" < "c")
try:
    [1] < (1,)
except TypeError as e:
    print(e)
try:
    None < None
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [] * 1.5
except TypeError as e:
    print(e)
try:
    {} | []
except TypeError as e:
    print(e)
