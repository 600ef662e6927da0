class P(int): pass
p = P(5)
print(type(int(p)), type(-p), type(+p), type(abs(p)), type(p.real), type(~p), type(p * 1))
class S(str): pass
s = S("ab")
print(type(str(s)), type(s.strip()), type(s * 1), type(s[:]), type("%s" % s), type(f"{s}"))
d = {s: 1}
print(d["ab"], "ab" in d, s == "ab", hash(s) == hash("ab"))
class PP(P):
    def __init__(self, v):
        self.orig = v
pp = PP(9)
print(pp, pp.orig, PP.__mro__, isinstance(pp, P))
class E(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise E(3, "bad")
except E as e:
    print(e, e.code, e.args, repr(e))
class D(dict):
    def __missing__(self, k):
        return k * 2
dd = D(a=1)
print(dd["a"], dd["zz"], dd, type(dd), len(dd))
class L(list):
    def sum(self): return sum(self)
l = L([3, 1, 2])
l.sort()
print(l, l.sum(), type(l), l + [1], type(l + [1]), l[::-1])
class R(int):
    def __repr__(self): return f"R({int(self)})"
print(R(3), repr(R(3)), str(R(3)), [R(4)], f"{R(5)}", "%d" % R(6))
class Fl(float):
    def __str__(self): return "fl"
print(Fl(1.5), repr(Fl(1.5)), f"{Fl(1.5)}")
print(sorted([P(3), P(1), 2]), max(P(3), 4), P(7) // 2, divmod(P(7), 2), P(2) ** 10, bool(P(0)))
print(isinstance(True, int), P.__bases__, P.__base__)

class Cyc(int): pass
for i in range(1000):
    c = Cyc(i); c.me = c

print("ok")
class T2(tuple): pass
t = T2([1, 2, 3])
print(t, repr(t), t.count(1), hash(t) == hash((1, 2, 3)), t == (1, 2, 3), T2())
class Str2(str):
    def __new__(cls, v, extra):
        o = super().__new__(cls, v)
        o.extra = extra
        return o
x = Str2("q", 5)
print(x, x.extra, x.upper(), len(x))
