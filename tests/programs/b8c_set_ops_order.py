# Set iteration order after in-place and new-set operations (intersection_update,
# symmetric_difference(_update), difference, union, update) on random int sets,
# and copies of sets that hold dummies.
import random
random.seed(5)
for case in range(300):
    M = random.choice([10**3, 10**6, 2**64])
    s = set()
    for step in range(random.randrange(10, 300)):
        op = random.random()
        x = [random.randrange(M) * random.choice([1, 8, 1024]) for _ in range(random.randrange(6))]
        if s and random.random() < 0.5:
            x += random.sample(sorted(s), min(len(s), random.randrange(1, 8)))
        if op < 0.35:
            s.add(x[0] if x else 1)
        elif op < 0.5 and s:
            s.discard(random.choice(sorted(s)))
        elif op < 0.58:
            s.intersection_update(x + sorted(s)[:len(s) * 3 // 4])
        elif op < 0.66:
            s.symmetric_difference_update(x)
        elif op < 0.72:
            s ^= set(x)
        elif op < 0.78:
            s.difference_update(x, x[:1])
        elif op < 0.84:
            s = s.difference(x) if random.random() < 0.5 else s - set(x)
        elif op < 0.9:
            s = s.union(x) if random.random() < 0.5 else s | set(x)
        elif op < 0.95:
            s = s.intersection(x + sorted(s)) if random.random() < 0.5 else s & set(x + sorted(s))
        else:
            s.update(dict.fromkeys(x), x)
    print(case, len(s), list(s)[:10], list(s)[-4:])
random.seed(4)
s = set(random.randrange(10**6) for _ in range(60))
for x in list(s)[::2]:
    s.discard(x)
for i in range(5):
    s.add(i * 1000003)
print(s)
print(set(s))
print(s.copy())
print(frozenset(s))
print(s | set())
print(set() | s)
print(s & s)
print(s - {1})
print(s ^ set())
t = set(); t.update(s); print(t)
u = {*s}; print(u)
print({x for x in s})
print(set(list(s)))
big = set(range(0, 4000, 7))
small = set(range(0, 200, 3))
print(big & small)
print(small & big)
print(small.intersection(big))
print(big.intersection(list(small)))
print(small.union(range(1000, 1100, 9)))
print(small.symmetric_difference(range(0, 60, 2)))
print(small.difference(range(0, 100)))
v = set(range(50)); v.intersection_update(range(0, 100, 7)); print(v)
v = set(range(50)); v.symmetric_difference_update(range(25, 75)); print(v)
print({(i, -i) for i in range(20)})
print({i / 4 for i in range(20)})
print({-i for i in range(40)})
print({2**k for k in range(70)})
print(frozenset({frozenset({1, 2}), frozenset({3}), frozenset()}))
