g = (x * 2 for x in range(5))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(list(g))
print(sum(x * x for x in range(10) if x % 2))
print(max((len(w), w) for w in "the quick brown fox".split()))
pairs = list((a, b) for a in range(3) for b in range(a))
print(pairs)
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 0]))
print(",".join(str(i) for i in range(4)))
nested = ((i, (j for j in range(i))) for i in range(3))
print([(i, list(g)) for i, g in nested])
x = 10
g = (x + i for i in range(3))
x = 100
print(list(g))
try:
    list(1 / (i - 2) for i in range(4))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
