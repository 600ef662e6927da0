names = ["ann", "bob", "cy"]
ages = [30, 25]
for i, n in enumerate(names, 1):
    print(i, n)
for n, a in zip(names, ages):
    print(n, a)
print(dict(zip(names, ages)))
print(list(zip(*zip(names, ages))))
pairs = list(enumerate(zip("ab", "xy")))
print(pairs)
for i, (a, b) in pairs:
    print(i, a + b)
e = enumerate([])
print(list(e), list(zip([], [1])))
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__)
