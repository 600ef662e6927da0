# dunder hooks the builtins consult: __index__, __float__, __complex__, __bool__, __iter__ = None
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
for f in (bin, oct, hex, chr, range, lambda i: [10, 20, 30][i], lambda i: "abc"[Idx(0):i],
          lambda i: (1, 2) * i, lambda i: round(2.5678, i), lambda i: int.to_bytes(1, i, "big"),
          lambda i: list(enumerate("a", i))):
    t(f, Idx(2))
t(hex, Idx(1.5))
t(lambda: [1][Idx("0")])
class NoIter:
    __iter__ = None
for f in (iter, list, tuple, set, sorted, sum, min, max, any, all, enumerate, dict, frozenset,
          lambda x: zip(x), lambda x: map(str, x), lambda x: filter(None, x), lambda x: [*x],
          lambda x: 1 in x):
    t(f, NoIter())
class Cx:
    def __complex__(self):
        return 1 + 2j
class Fl:
    def __float__(self):
        return 2.5
t(complex, Cx())
t(float, Fl())
t(complex, Fl())
t(int, Fl())
t(abs, Fl())
import math
t(math.sqrt, Fl())
t(math.floor, Fl())
class Tr:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(Tr()), not Tr(), [x for x in [Tr()] if x], len(Tr()))
class Contains:
    def __contains__(self, x):
        return x == 3
print(3 in Contains(), 4 in Contains(), 4 not in Contains())
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly(), sum(IterOnly()), max(IterOnly()), sorted(IterOnly(), reverse=True))
class GetItemOnly:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError
print(2 in GetItemOnly(), list(GetItemOnly()), min(GetItemOnly()))
