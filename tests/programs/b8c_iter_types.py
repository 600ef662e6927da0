# Iterator type names and reprs of the containers, reversed() of each, and
# __length_hint__ (also through operator.length_hint) before and after next().
import re
objs = [[], (), {}, {}.keys(), {}.values(), {}.items(), set(), frozenset(), range(3), range(10**20), 'ab', b'ab', iter([]), enumerate([]), zip(), map(str, []), filter(None, [])]
for o in objs:
    it = iter(o)
    print(type(o).__name__, type(it).__name__, re.sub(' at 0x[0-9a-f]+', '', repr(it)))
for o in [[1, 2], (1, 2), {1: 2}, {1: 2}.keys(), {1: 2}.values(), {1: 2}.items(), range(3), range(10**20), 'ab', b'ab', bytearray(b'x')]:
    try:
        r = reversed(o)
        print(type(o).__name__, type(r).__name__, re.sub(' at 0x[0-9a-f]+', '', repr(r)))
    except TypeError as e:
        print(type(o).__name__, 'TE', e)
for o in [set(), frozenset(), {1: 2}.items().__class__, 5]:
    try:
        reversed(o)
    except TypeError as e:
        print('TE', e)
def lh(it):
    try:
        return it.__length_hint__()
    except AttributeError as e:
        return 'AE'
for o in [[1, 2, 3], (1, 2, 3), {1: 2, 3: 4}, {1: 2}.keys(), {1: 2, 5: 6}.values(), {1: 2}.items(), {1, 2, 3}, frozenset({1}), range(5), range(10**20), 'abc', b'abc', bytearray(b'xy')]:
    it = iter(o)
    a = lh(it)
    next(it)
    b = lh(it)
    try:
        r = reversed(o)
        c = lh(r); next(r); d = lh(r)
    except TypeError:
        c = d = '-'
    print(type(o).__name__, a, b, c, d)
import operator
print(operator.length_hint(iter([1, 2])), operator.length_hint(iter(range(7))), operator.length_hint(reversed([1, 2, 3])))
l = [1, 2, 3]
it = iter(l); l.append(4); print(lh(it), list(it))
it = reversed(l); l.clear(); print(lh(it), list(it))
it = iter(range(10**20)); print(lh(it) if False else 'skip')
for o in ([1, 2], (1, 2), range(3), 'ab'):
    it = iter(o)
    print(list(it), list(it))
