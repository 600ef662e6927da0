# Recursive containers print [...], {...}, (...), and views ... as CPython;
# deep (non-cyclic) nesting prints in full up to the recursion limit.
l = [1]; l.append(l); print(l, repr(l), str(l))
d = {}; d[1] = d; d[2] = [d]; print(d)
s = [[]]; s[0].append(s); print(s)
t = ([],); t[0].append(t); print(t)
class R:
    def __repr__(self): return 'R(%r)' % (self.x,)
r = R(); r.x = [r]; print(r)
import collections
od = collections.OrderedDict(); od['a'] = od; print(od)
dd = {}; dd['k'] = dd.keys(); print(dd)
dv = {}; dv['v'] = dv.values(); print(dv)
di = {}; di['i'] = di.items(); print(di)
sl = []; sl.append(slice(sl)); print(sl)
for mk in (lambda x: [x], lambda x: (x,), lambda x: {1: x}, lambda x: {'k': x}.values(), lambda x: [x, {x: 1} if False else 0]):
    x = 0
    for i in range(300):
        x = mk(x)
    r = repr(x)
    print(len(r), r[:20], r[-20:])
x = 0
for i in range(300):
    x = frozenset({x})
print(len(repr(x)))
x = 0
for i in range(5000):
    x = [x]
try:
    repr(x)
except RecursionError as e:
    print(e)
