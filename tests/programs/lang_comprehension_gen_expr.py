data = {"a": [1, 2], "b": [3], "c": []}
print([(k, v) for k, vs in data.items() for v in vs if v != 2])
print({k: len(v) for k, v in sorted(data.items())}, {len(v) for v in data.values()})
print(sum(x * x for x in range(10) if x % 3), max((len(v), k) for k, v in data.items()))
nested = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(nested, [row[i] for i, row in enumerate(nested)], list(zip(*nested)))
g = (i for i in range(3))
print(next(g), list(g), list(g))
try:
    [x for x in 5]
except TypeError as e:
    print("TypeError:", e)
def lazy():
    print("side effect")
    return [1, 2]
gen = (x for x in lazy())
print("gen made")
print(list(gen))
try:
    (y for y in 1)
except TypeError as e:
    print("TypeError:", e)
x = "outer"
print([x for x in "ab"], x)
print([(lambda v=v: v)() for v in range(3)])
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])), list(filter(None, [0, 1, "", "x"])))
print(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print(any(v > 5 for r in matrix for v in r), all(v > 0 for r in matrix for v in r))
print([i for i in range(20) if i % 2 if i % 3], [a + b for a in "xy" for b in "12"])
it = iter(range(5))
print([v for v in it if v < 2], list(it))
