d = dict(a=1, b=2)
d['c'] = 3
print(d, list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
print(d | {'d': 4}, {'x': 0} | d)
d |= [('e', 5)]
print(d, dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), d.setdefault('a', 9), d.setdefault('z'), d)
print(d.popitem(), d.popitem(), d)
try: {}.popitem()
except KeyError as e: print(repr(e), e)
try: d['nope']
except KeyError as e: print(repr(e), str(e))
try: d[(1, 2)]
except KeyError as e: print(repr(e), str(e))
try: {}[()]
except KeyError as e: print(repr(e), str(e))
try:
    for k in d: d[k + 'x'] = 1
except RuntimeError as e: print(e)
try: dict([(1, 2, 3)])
except ValueError as e: print(e)
try: dict([1])
except TypeError as e: print(e)
try: dict([(1, 2), 'abc'])
except ValueError as e: print(e)
print(dict([(1, 2), 'ab']), dict({1: 2}, x=3), dict(zip('ab', 'cd')))
print(d.keys().isdisjoint({'q'}), d.keys() ^ {'a', 'q'} == {'b', 'c', 'q'}, d.keys() == {'a', 'b', 'c'}, d.items() <= {('a', 1), ('b', 2), ('c', 3), 1})
print(d.get('a'), d.get('q', 7), d.pop('a'), d.pop('q', None), 'b' in d, len(d), d.copy(), d.values())
try: d.pop('q')
except KeyError as e: print(repr(e))
d2 = {}
d2[d2.__class__] = 1
print(repr({1: {2: {}}}), {1: [1, 2], (1,): 'x', None: None, 1.5: 2j})
r = {}; r[1] = r; print(r)
print(d == {'b': 2, 'c': 3}, d != {}, {1: 1} == {1: 1.0})
try: {} < {}
except TypeError as e: print(e)
try: {[]: 1}
except TypeError as e: print(e)
d = {i: str(i) for i in range(5)}
del d[2]; d[2] = 'two'; print(d, list(d.items()), d.keys())
d.update([(9, 9)], z=1); d.update({7: 7}); print(d)
d.clear(); print(d, dict(), dict(**{'a': 1}))
it = iter({1: 2, 3: 4}.items()); print(type(it).__name__, next(it), type({}.keys()).__name__, type(iter({}.values())).__name__)
