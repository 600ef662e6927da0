class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = Pos(-7)
print(p, p + 1, type(p).__name__, isinstance(p, int), type(p+1))
p.x = 5
print(p.x, p.__dict__, repr(p), str(p), hash(p), p == 7, p < 8, format(p, '04d'), f"{p:x}")
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hello")
print(s, s.shout(), type(s), s + "x", type(s + "x"), s[1:], len(s), s.upper())
s.a = 1; print(s.a, repr(s))
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = T(1, [2])
print(t, t.first, len(t), t + (3,), type(t + (3,)), isinstance(t, tuple))
class F(float):
    pass
f = F(2.5)
f.q = 3
print(f, f * 2, type(f * 2), f.q, F("1e3"), F())
class B(int): pass
b = B(2**100)
b.z = [1]
print(b, b.z, b * 2, int(b), type(int(b)), str(b))
print(S.__new__(S, "x"), type(S.__new__(S, "x")))
import sys
class BigInt(int):
    def __add__(self, other): return BigInt(int(self) + other + 1000)
print(BigInt(1) + 1, 1 + BigInt(1))
print(int.__new__(int, 5), int.__new__(B, '12'))
