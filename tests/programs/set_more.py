seen = set()
dups = []
for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(sorted(seen), dups)
a = set(range(10))
evens = {x for x in a if x % 2 == 0}
print(sorted(a - evens), len(evens), min(evens), max(evens), sum(evens))
print(sorted(frozenset("hello")), len(set("mississippi")))
print({1, 2, 3} > {1, 2}, {1, 2} <= {1, 2}, {1, 2} < {1, 2})
s = {5, 3}
print(s.pop() in (3, 5), len(s))
fs = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(fs))
print(set() == frozenset(), {1} | frozenset({2}) == {1, 2}, type(frozenset({1}) | {2}).__name__)
print(sorted({(1, 2), (1, 2), (2, 1)}))
print(repr(set()), repr(frozenset()), {0, False, 0.0})
