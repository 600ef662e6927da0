# reversed() of a dict and its views is live: values changed in place show,
# a size change raises; dict subclasses' __iter__ does not affect it.
d = {1: 'a', 2: 'b', 3: 'c'}
r = reversed(d); print(next(r), r.__length_hint__()); d[3] = 'C'; print(list(r))
r = reversed(d.values()); d[3] = 'Z'; print(list(r))
r = reversed(d.items()); d[4] = 'd'
try:
    next(r)
except RuntimeError as e:
    print(e)
r = reversed(d); del d[4]; del d[2]; print(list(r) if False else 'skip')
d = {i: i for i in range(10)}
for k in range(0, 10, 3):
    del d[k]
print(list(reversed(d)), list(reversed(d.items()))[:3], reversed(d).__length_hint__())
class S(dict):
    def __iter__(self): return iter([7, 8])
print(list(reversed(S(a=1, b=2))), list(S(a=1)))
e = {}
print(list(reversed(e)), reversed(e).__length_hint__())
