points = [((0, 0), "origin"), ((1, 2), "p"), ((3, -1), "q")]
for (x, y), name in points:
    print(name, x + y)
table = {"a": (1, [2, 3]), "b": (4, [5, 6])}
for key, (first, (second, third)) in table.items():
    print(key, first, second, third)
print([a * b for a, b in zip(range(4), range(4, 8))])
print({k: v for k, *v in [("x", 1, 2), ("y",)]})
head, *(mid), tail = 1, 2, 3, 4
print(head, mid, tail)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
matrix = [[1, 2, 3], [4, 5, 6]]
(r1c1, *_), (*_, r2c3) = matrix
print(r1c1, r2c3)
