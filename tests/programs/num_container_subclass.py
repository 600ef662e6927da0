class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d['zz'], d.get('zz'), 'zz' in d, d, type(d).__name__, isinstance(d, dict))
class Cnt(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
c = Cnt()
for ch in 'banana': c[ch] += 1
print(c, sorted(c.items()))
class L(list):
    def total(self): return sum(self)
l = L([3, 1, 2]); l.sort(); l.append(5); print(l, l.total(), type(l + [1]).__name__, type(l[:2]).__name__, l == [1, 2, 3, 5])
class S(set): pass
s = S([3, 1]); s.add(2); print(s, type(s | {9}).__name__, type(s.copy()).__name__, S() == set(), frozenset(s) == s)
class FS(frozenset): pass
fs = FS([1, 2]); print(fs, type(fs).__name__, hash(fs) == hash(frozenset([1, 2])), type(fs | {3}).__name__)
class T(tuple): pass
t = T((1, 2)); print(t, type(t).__name__, t + (3,), type(t + (3,)).__name__, hash(t) == hash((1, 2)))
s2 = set([1, 2]); s2.__init__([7, 8]); print(s2)
d2 = {1: 2}; d2.__init__({3: 4}); print(d2)
l2 = [1, 2]; l2.__init__([9]); print(l2)
print(frozenset([1]) is frozenset(frozenset([1])) or 'new', set.__name__, dict.fromkeys.__name__ if hasattr(dict.fromkeys, '__name__') else '')
class OD(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 10)
o = OD(); o['x'] = 1; o.update(y=2); print(o)
