print({3, 1, 2}, {100, 5, 33, 64, 8}, set(range(20, 0, -3)), {-1, -2, 0, 2**61, 2**61 - 1, 2**64})
print({1.5, 2.5, 0.25, 3.0, -1.0}, {(1, 2), (2, 1), (0,), ()}, frozenset({7, 70, 700}))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash(frozenset()), hash(frozenset({1, 2, 3})), hash(True), hash(-1), hash(2**61), hash(-2**61), hash(2**100))
s = set()
for i in range(50):
    s.add(i * 7 % 97)
print(s)
s = set(range(100))
for i in range(0, 100, 3):
    s.discard(i)
print(s)
print({1, 2, 3} | {40, 50}, {1, 2, 3, 4} & {4, 3, 9}, {1, 2, 3} - {2}, {1, 2, 3} ^ {3, 4, 5})
print(set([(i, -i) for i in range(10)]))
print({x * 1.5 for x in range(12)})
a = {32, 64, 96, 128, 1, 33}
a.remove(64); a.add(160)
print(a, a.pop(), a)
print(set('') , frozenset(), {0: 1}.keys() | {5, 3})
print(sorted({'b', 'a'}), {None}, {True, 1, 1.0})
d = {i: i for i in range(10)}
print(d.keys() & {3, 1, 2}, d.keys() - {1, 2, 3, 4, 5, 6}, d.items() & {(1, 1), (2, 3)})
