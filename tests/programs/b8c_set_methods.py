# Every set/frozenset method and operator, in-place ones with non-set
# iterables, their TypeErrors, set keys looked up as frozensets, subclasses.
a = {1, 2, 3, 4}; b = [3, 4, 5]
print(a.union(b), a.union(b, (9,)), a.intersection(b), a.intersection(b, [4]), a.difference(b), a.difference(b, [1]), a.symmetric_difference(b))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint((7, 8)), a.issubset([1]))
c = set(a); c.update(b, 'xy'[:0], (10,)); print(c)
c = set(a); c.intersection_update(b, [4, 3]); print(c)
c = set(a); c.difference_update(b, [1]); print(c)
c = set(a); c.symmetric_difference_update(b); print(c)
c = set(a); c |= {9}; c &= {9, 1, 2}; c -= {2}; c ^= {7}; print(c)
for op in ('|', '&', '-', '^'):
    try:
        eval('a %s b' % op)
    except TypeError as e:
        print(e)
try:
    c = set(a); c |= [1]
except TypeError as e:
    print(e)
print(a < {1, 2, 3, 4, 5}, a <= a, a > {1}, a >= {9}, a == frozenset(a), frozenset(a) == a)
print(type(frozenset(a) | a).__name__, type(a | frozenset(a)).__name__, type(frozenset(a).union(a)).__name__)
try:
    a < [1]
except TypeError as e:
    print(e)
print(a.copy(), frozenset(a).copy() is not None, set().pop if False else '')
try:
    set().pop()
except KeyError as e:
    print(repr(e))
try:
    a.remove(99)
except KeyError as e:
    print(repr(e))
try:
    a.remove([1])
except TypeError as e:
    print(e)
print([1] in a if False else frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})})
s = {frozenset({1})}; s.remove({1}); print(s)
try:
    {1}.add([])
except TypeError as e:
    print(e)
print(repr(set()), repr(frozenset()), str({1}), repr(frozenset({1, 2})))
class S(set): pass
class F(frozenset): pass
print(S([1, 2]), F([3]), repr(S()), repr(F()))
print(type(S([1]) | {2}).__name__, type(F([1]) | {2}).__name__, type(S([1]).copy()).__name__)
r = set(); 
print(set('abc') == set('cba'), len(set('hello')))
print(sorted(set(range(10)) ^ set(range(5, 15))))
s = set(range(10))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print(e)
print(set().union(), frozenset().union([1]))
print({1, 2} == {1, 2}, {1, 2} != {2, 3}, set() == frozenset())
s = {frozenset({1}), 2}; s.discard({1}); print(s)
try:
    s.remove({5})
except KeyError as e:
    print(repr(e))
