s = {3, 1, 2, 3}
print(s, len(s), 2 in s, 5 in s)
s.add(10)
s.add(-1)
s.discard(1)
print(s, sorted(s))
a = set(range(0, 20, 2))
b = set(range(0, 20, 3))
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= a | b, a < a, {1} < {1, 2}, a == set(a), a != b)
words = {"x", "y"}
print(len(words), "x" in words)
sq = {n * n % 7 for n in range(20)}
print(sq, frozenset([1, 2, 2]), set(), frozenset())
big = set(range(100))
big -= set(range(0, 100, 3))
print(len(big), list(big)[:10])
t = {(1, 2), (3, 4), (1, 2)}
print(t, {1.5, 2.5, 1.5}, {True, 1, 0, False})
s2 = {5, 6, 7}
print(s2.pop(), s2, s2.union([100, 5]), s2.intersection({6, 99}), s2.isdisjoint({1}))
try:
    s2.remove(42)
except KeyError as e:
    print("KeyError", e)
print({-1, -2, -3}, {2 ** 64, 2 ** 65}, set("hello") == set("olleh"))
