a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= a, {1} < a, a >= {1, 2}, a.isdisjoint({9}), a.issubset(range(10)))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([5, 6], (7,))
print(sorted(s), len(s), 3 in s)
s.discard(100)
s.remove(5)
try:
    s.remove(5)
except KeyError as e:
    print("KeyError:", e)
print(sorted(s))
print(set(), {1, 1, 1}, set([2, 1]), set("aaa"))
f = frozenset([3, 1, 2])
print(sorted(f), type(f).__name__, f == {1, 2, 3}, len({f, frozenset([1, 2, 3])}))
print(frozenset(), frozenset([5]))
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
c = a.copy()
c -= {1}
c &= {2, 3, 9}
c |= {10}
c ^= {2}
print(sorted(c), sorted(a.union([8], [9])), sorted(a.intersection(b, {4})))
print(sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} == {2, 1}, {1} != {1.0}, sorted({1, 2.0, 3}))
