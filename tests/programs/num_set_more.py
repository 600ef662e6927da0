s = {5, 1, 9, 33, 17, 65, 129}
print(s, len(s), 33 in s, 34 in s)
t = frozenset([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
print(t, t | {100}, t & {1, 2, 3, 77}, t - {1}, t ^ {1, 100}, type(t | {1}).__name__, type({1} | t).__name__)
print(s.union([1000, 2], (3,)), s.intersection(range(10), [1, 9, 7]), s.difference([1], {5}), s.symmetric_difference(range(3)))
print(s.issubset(range(200)), s <= set(range(200)), s < s, s <= s, {1} < {1, 2}, {1, 2} > {2}, s.issuperset([1, 5]), s.isdisjoint({2, 4}), s.isdisjoint([1]))
u = set(s); u.update([200, 300], {400}); u.intersection_update(range(250)); print(u)
u.difference_update({1, 5}); u.symmetric_difference_update({9, 10}); print(u)
u.add(7); u.discard(99); u.remove(7); print(u, u.copy() == u, u.copy() is u)
try: u.remove(99)
except KeyError as e: print('KeyError', e)
try: set().pop()
except KeyError as e: print(e)
p = {1, 2, 3}; print(p.pop(), p.pop(), p)
p.clear(); print(p, set(), frozenset(), repr(set([None])))
big = set(range(0, 3000, 7)); big -= set(range(0, 3000, 2)); print(len(big), sum(big), list(big)[:10], list(big)[-5:])
print({-5, -1, -2, -3, 0, 1, 2}, {2**62, 2**63, 2**64, -2**63, 1, 2, 3}, {0.5, 1.5, -0.25, 1e10, 1e-10})
print({(1, 2), (2, 1), (1, 1), (2, 2), (0, 0), ((1,), 2)}, {(), ('a',) if False else (1.5,), (None,) if False else (0,)})
print({True, False, 0, 1, 2}, {1, 1.0, True}, {0, 0.0, False, -0.0})
try: {[1]}
except TypeError as e: print(e)
try: {1} < [1]
except TypeError as e: print(e)
try: {1} | [2]
except TypeError as e: print(e)
r = set(); r.add(r.__class__.__name__); print(r)
x = {1, 2, 3}
try:
    for i in x: x.add(i + 10)
except RuntimeError as e: print(e)
print(sorted({3, 1, 2}), max({3, 1, 2}), min(frozenset({3, 1, 2})), sum({1.5, 2.5}))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(frozenset(range(100))), hash(frozenset([(1, 2), (3, 4)])), hash(frozenset({-1, -2})))
print(set([3, 2, 1]) == frozenset([1, 2, 3]), {1: 1}.keys() == {1}, frozenset() == set(), set('') == frozenset(''))
