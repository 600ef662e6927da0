class MS(set): pass
a = MS([1, 2]); 
print(a | {3}, {3} | a, a & {1}, a == {1, 2}, a <= {1, 2, 3}, type(a | {3}), a.union([5]), type(a.copy()), a)
class FS(frozenset): pass
f = FS([1, 2])
print(f, type(f), f | {3}, hash(f) == hash(frozenset([1, 2])), 1 in f, len(f), f == {1, 2})
class By(bytes): pass
b = By(b"abc")
print(b, type(b), b + b"d", b[0], b.upper(), len(b), b == b"abc", b.decode(), repr(b), hash(b) == hash(b"abc"))
b.x = 3; print(b.x)
class C(complex): pass
c = C(1, 2)
print(c, type(c), c + 1, c.real, c.imag, abs(C(3, 4)), c == 1+2j, c.conjugate())
