print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)])
print([c.upper() for c in "hello" if c not in "l"])
print([y for x in [[1, 2], [3], []] for y in x])
print([a + b for a, b in [(1, 2), (3, 4)]])
print([v for v in [0, "", None, 1, "a"] if v])
x = "outer"
print([x for x in "ab"], x)
print([(lambda: i)() for i in range(3)])
print([n for n in range(2, 30) if all(n % d for d in range(2, n))])
