# Iterators over containers changed during iteration (list grows/shrinks,
# set/dict size changes), exhausted iterators, reversed() of sequences.
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x < 3 and len(l) < 6:
        l.append(x * 10)
print(out, l)
l = [1, 2, 3, 4]
it = iter(l); next(it); l.clear(); print(list(it), next(it, 'end'))
l = [1, 2, 3, 4]
it = iter(l); print(list(it)); l.append(5); print(list(it))
r = reversed(l); next(r); l.pop(); l.pop(); print(list(r))
r = reversed(l); l.append(9); print(list(r))
t = (1, 2)
it = iter(t); print(next(it), next(it), next(it, None), next(it, None))
s = {1, 2, 3}
it = iter(s); next(it); s.add(4)
try:
    next(it)
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
it = iter(s); next(it); s.discard(1); s.add(1)
try:
    print(next(it))
except RuntimeError as e:
    print('RE', e)
d = {1: 1, 2: 2}
it = iter(d); next(it); del d[1]
try:
    next(it)
except RuntimeError as e:
    print(e)
it = iter(d.items()); d[3] = 3
try:
    next(it)
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2}
it = iter(d.values()); next(it); d[1] = 5; print(list(it))
it = iter(d); d.pop(1); d[7] = 7
try:
    print(list(it))
except RuntimeError as e:
    print(e)
rg = iter(range(3)); print(list(rg), list(rg))
ri = reversed(range(10**20, 10**20 + 3)); print(list(ri))
e = enumerate([5, 6]); print(next(e), list(e))
z = zip([1, 2], 'ab', strict=True); print(list(z))
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as ex:
    print(ex)
m = map(lambda a, b: a + b, [1, 2], [3]); print(list(m))
g = iter(lambda: 1, 1); print(list(g))
n = iter([1, 2].pop, 1); print(list(n))
print(list(iter(iter([1, 2]))))
class Seq:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * i
print(list(Seq()), list(reversed([*Seq()])), 9 in Seq(), type(iter(Seq())).__name__)
try:
    reversed(Seq())
except TypeError as ex:
    print(ex)
try:
    iter(5)
except TypeError as ex:
    print(ex)
try:
    next([])
except TypeError as ex:
    print(ex)
class A: pass
class B:
    def __len__(self): return 1
class C:
    def __getitem__(self, i): return i
class D:
    def __getitem__(self, i): return i
    def __len__(self): return 2
for k in (A, B, C, D):
    try:
        print(list(reversed(k())))
    except TypeError as e:
        print(e)
