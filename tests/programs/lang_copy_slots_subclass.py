import copy
class P:
    def __init__(self): self.a = [1]
class S:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
class MI(int): pass
p = copy.deepcopy(P()); print(p.a)
s = copy.copy(S()); print(s.x, hasattr(s, "y"))
m = copy.copy(MI(5)); print(m, type(m).__name__)
class L(list): pass
l = copy.deepcopy(L([1, [2]])); print(l, type(l).__name__)
class Pt:
    __slots__ = ("x", "y", "__dict__")
    def __init__(self, x, y):
        self.x, self.y = x, y
q = Pt(1, 2)
q.extra = "e"
r = copy.deepcopy(q)
print(r.x, r.y, r.extra, r is q)
class Base:
    __slots__ = ("a",)
class Derived(Base):
    __slots__ = ("b",)
dd = Derived(); dd.a = 1; dd.b = 2
cc = copy.copy(dd)
print(cc.a, cc.b, Derived.__slots__, dd.__getstate__())
class MS(str):
    pass
ms = MS("hi"); ms.tag = 1
mc = copy.copy(ms)
print(mc, type(mc).__name__, mc.tag, MS("x").__getnewargs__(), (5).__getnewargs__())
class MT(tuple):
    pass
print(copy.deepcopy(MT([1, [2]])), type(copy.copy(MT())).__name__)
