# Set iteration order of ints, tuples, floats after adds, discards, pops,
# growth and shrinking, and frozenset hashes: all as CPython's tables give.
import random
random.seed(11)
s = set()
for i in range(200):
    s.add(random.randrange(-1000, 1000))
    if i % 37 == 0:
        print(s)
for i in range(150):
    s.discard(random.randrange(-1000, 1000))
print(s)
for x in list(s)[:100]:
    s.remove(x)
print(s)
s.add(10**20); s.add(-1); s.add(-2); s.add(2**61 - 1); s.add(2**61); s.add(2**64 + 3); print(s)
print({3, 1, 2}, {100, 5, 37, 8}, {(1, 2), (3, 4), (2, 1)}, {1.5, 2.5, 0.5, float('inf')}, {True, 7, -3})
print({i * 8 for i in range(20)}, {i * 1024 for i in range(40)})
print(frozenset(range(50, 0, -3)))
t = set(range(100))
for i in range(95):
    t.pop()
print(t)
u = set(range(1000)); u -= set(range(10, 1000)); print(u)
u = set(range(20)); u &= {3, 19, 40}; print(u)
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 'x' and 3})), hash(frozenset({-1, -2, 2**70})))
print(hash(frozenset(range(100))), hash(frozenset({frozenset({1}), 2.5})))
