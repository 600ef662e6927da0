# dict insertion order through deletes and reinsertion, equal keys of different
# types, update/setdefault/pop/popitem, mappings with keys() in dict(), {**m}
# and f(**m), __missing__, and CPython's error messages.
d = {}
for i in range(50):
    d[i * 7 % 13, i] = i
for k in list(d)[::3]:
    del d[k]
print(list(d.items())[:10], len(d))
d[(0, 0)] = 'back'; print(list(d)[-3:])
e = dict.fromkeys(range(10))
del e[3]; e[3] = 1; print(list(e))
print(e.popitem(), e.popitem(), list(e))
f = {1: 'a', True: 'b', 1.0: 'c'}; print(f)
g = {0: 0, False: 1, 0.0: 2, -0.0: 3}; print(g)
h = {float('nan'): 1, float('nan'): 2}; print(len(h))
n = float('nan'); h2 = {n: 1}; h2[n] = 2; print(h2)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 3
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return 'K%d' % self.v
kd = {K(i): i for i in range(10)}; print(kd, kd[K(4)], K(11) in kd)
print({**{1: 2}, **{3: 4}, 1: 5})
dd = {'a': 1}
dd.update({'b': 2}, c=3); dd.update([('d', 4)]); dd.update(e=5); print(dd)
try:
    dd.update(1)
except TypeError as ex:
    print(ex)
try:
    dd.update({}, {})
except TypeError as ex:
    print(ex)
print(dd.setdefault('a', 9), dd.setdefault('z', []), dd)
print(dd.pop('zz', 'default'), 'a' in dd, dd.get('a'), len(dd))
x = {'k': 1}
y = x.copy(); y['k'] = 2; print(x, y)
print(dict(zip('abc', range(3))), dict(dict(a=1)), dict(a=1, **{'b': 2}))
print(list({}.items()), {} == dict(), dict({1: 2}.items()))
class M:
    def keys(self): return ['p', 'q']
    def __getitem__(self, k): return k * 2
print(dict(M()), {**M()})
try:
    {**[1]}
except TypeError as ex:
    print(ex)
def f(**kw): return kw
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as ex:
    print(ex)
class DD(dict):
    def __missing__(self, k): return k + '!'
print(DD()['x'], DD(a=1), repr(DD(b=2)), type(DD(a=1).copy()).__name__)
import collections
c = collections.defaultdict(list); c['x'].append(1); print(c)
print(sorted({3: 1, 1: 2}), sorted({3: 1, 1: 2}.values()), max({3: 1, 1: 2}))
print(reversed({1: 2, 3: 4}).__class__.__name__, list(reversed({1: 2, 3: 4}.items())))
big = {i: i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(list(big)[:5], list(big)[-5:], len(big))
for i in range(3):
    big[-i] = i
print(list(big)[-4:])
try:
    {}[[]] = 1
except TypeError as ex:
    print(ex)
try:
    [] in {}
except TypeError as ex:
    print(ex)
print(d.__class__, dict.__name__, type({}.keys()))
print({1: 2}.items() == {(1, 2)}, {1: 2}.keys() == {1: 5}.keys(), {1: 2}.values() == {1: 2}.values())
print(f(**M()), f(a=1, **M()))
try:
    f(**[1])
except TypeError as ex:
    print(ex)
try:
    f(p=1, **M())
except TypeError as ex:
    print(ex)
try:
    print(**[1])
except TypeError as ex:
    print(ex)
