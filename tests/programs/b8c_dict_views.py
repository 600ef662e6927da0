# dict views: set operations with sets, lists and tuples on either side,
# comparisons, isdisjoint, reversed, .mapping, |, |=, fromkeys, errors.
d = {'a': 1, 'b': 2, 'c': 3}
e = {'b': 20, 'd': 40}
k = d.keys(); it = d.items(); v = d.values()
print(sorted(k & e.keys()), sorted(k | e.keys()), sorted(k - e.keys()), sorted(k ^ e.keys()))
print(sorted(k & ['a', 'z']), sorted(k | ['z']), sorted(k - {'a'}), sorted(k ^ ('a', 'q')))
print(sorted(['a', 'z'] & k), sorted(['z'] | k), sorted({'a', 'y'} - k), sorted(('a', 'q') ^ k))
print(type(k & e.keys()).__name__, type(it & {('a', 1)}).__name__)
print(sorted(it & {('a', 1), ('b', 3)}), sorted(it - {('a', 1)}))
print(k == {'a', 'b', 'c'}, k == ['a', 'b', 'c'], k <= {'a', 'b', 'c', 'd'}, k < {'a', 'b', 'c'}, k >= {'a'}, k > k)
print(it == {('a', 1), ('b', 2), ('c', 3)}, ('a', 1) in it, ('a', 2) in it, ['a', 1] in it, 'a' in k)
print(k.isdisjoint(['x']), k.isdisjoint('abc'), it.isdisjoint([('a', 1)]))
print(repr(k), repr(v), repr(it))
print(repr({}.keys()), repr({}.values()), repr({}.items()))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(it)).__name__)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(len(k), len(v), len(it))
print(k.mapping, type(k.mapping).__name__)
try:
    v == v
    print(v == v, v == d.values())
except Exception as ex:
    print(type(ex))
try:
    k | 1
except TypeError as ex:
    print(ex)
try:
    hash(k)
except TypeError as ex:
    print(ex)
print(d | e, e | d)
d2 = dict(d); d2 |= e; print(d2)
d2 |= [('z', 0)]; print(d2)
try:
    d | [('q', 1)]
except TypeError as ex:
    print(ex)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
class D(dict): pass
print(type(D.fromkeys('ab')).__name__, D.fromkeys('ab'))
import collections
print(collections.OrderedDict.fromkeys('ab'))
it2 = iter(d)
d['x'] = 9
try:
    next(it2)
except RuntimeError as ex:
    print(ex)
d = {1: 2}
it2 = iter(d)
d[2] = 3; del d[2]
try:
    next(it2)
except RuntimeError as ex:
    print(ex)
d = {1: 1, 2: 2}
for kk in d:
    d[kk] = 5
print(d)
r = {}; r['self'] = r; print(r, repr(r))
l = [1]; l.append(l); print(l)
t = (l, 1); print(t)
s = {1: l}; print(s)
print({1: 1}.__length_hint__ if hasattr({}, '__length_hint__') else 'no')
print(iter({1: 2}).__length_hint__(), iter({}.values()).__length_hint__(), iter({1: 2, 3: 4}.items()).__length_hint__())
print(reversed({1: 2, 3: 4}).__length_hint__())
x = {1: 2, 3: 4}
i3 = iter(x); next(i3); print(i3.__length_hint__())
print(d.get(1), d.get(9), d.get(9, 'dflt'), d.setdefault(7), d, d.pop(7), d.popitem(), d)
try:
    {}.popitem()
except KeyError as ex:
    print(repr(ex), ex)
try:
    {}.pop('x')
except KeyError as ex:
    print(repr(ex))
try:
    {}[(1, 2)]
except KeyError as ex:
    print(repr(ex), ex)
print(dict([(1, 2)], a=3), dict(a=1), dict({1: 2}, b=1))
try:
    dict([(1, 2, 3)])
except ValueError as ex:
    print(ex)
try:
    dict([1])
except TypeError as ex:
    print(ex)
print({1: 2} == {1: 2.0}, {1: 2} != {1: 3})
try:
    {} < {}
except TypeError as ex:
    print(ex)
print(sorted(d.items()))
dd = {'a': 1}
print(dd.keys() ^ dd.keys(), dd.items() | dd.items())
