d = {'a': 1}
for f in (lambda: d['b'], lambda: d[[1]], lambda: {[]: 1}, lambda: dict(1), lambda: dict([[1, 2, 3]]), lambda: dict([(1,)]), lambda: dict(['ab', 'cde']), lambda: dict({1: 2}, {3: 4}), lambda: d.pop(), lambda: d.get(), lambda: d.update(1), lambda: d.update([1]), lambda: {}.fromkeys(), lambda: d | [1], lambda: d.setdefault(), lambda: dict.fromkeys(1), lambda: d < d, lambda: d + d):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = {1: 'a', 2: 'b'}
try:
    for k in x: del x[k]
except RuntimeError as e: print(e)
x = {1: 'a', 2: 'b'}
try:
    for k in x.values(): x[3] = 'c'
except RuntimeError as e: print(e)
x = {i: i for i in range(5)}
for k in list(x): 
    if k % 2: del x[k]
print(x)
x = {1: 1}
for k in x: x[k] = 2
print(x)
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, o): return self.n == o.n
    def __repr__(self): return 'K(%d)' % self.n
kd = {K(1): 'one', K(2): 'two'}
print(kd, kd[K(2)], K(3) in kd)
try: kd[K(3)]
except KeyError as e: print(repr(e))
print(dict(a=1, **{'b': 2}), dict([('a', 1)], a=2), dict({'a': 1}.items()), dict(zip(range(3), 'abc')))
print({**{'x': 1}, 'y': 2, **{'x': 3}}, {1: 1, True: 2, 1.0: 3})
e = {}
e.update(a=1); e.update({'b': 2}, c=3); e.update([('d', 4)]); e |= {'e': 5}; print(e, e.pop('a'), e.popitem(), e)
print(sorted(e), sorted(e.items(), reverse=True), list(e.values()), len(e), e.copy() == e, e.copy() is e)
print(repr({'k': [1, {2: (3,)}], 2.5: None}), str({1: '1'}), {}.keys(), {1: 2}.items(), {1: 2}.values())
ks = {1: 1, 2: 2}.keys()
print(ks, len(ks), 1 in ks, list(ks), ks == {1, 2}, ks | {3}, ks & {2, 5}, ks - {1}, ks ^ {2, 3}, ks.isdisjoint([3]), reversed(ks).__class__.__name__)
print({'a': 1}.items() <= {('a', 1), ('b', 2)}, {'a': 1}.items() == {('a', 1)}, ('a', 1) in {'a': 1}.items(), ('a', 2) in {'a': 1}.items(), [] in {1: 2}.values() if False else 2 in {1: 2}.values())
try: ('a', []) in {'a': 1}.items()
except TypeError as e: print(e)
d = {1: 'a', 2: 'b', 3: 'c'}
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())), type(reversed(d)).__name__, type(reversed(d.items())).__name__)
r = reversed(d); print(next(r), list(r), list(r))
print(list(reversed({})))
