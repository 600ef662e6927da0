sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
print(sq.__name__)
compose = lambda f, g: lambda x: f(g(x))
inc_sq = compose(sq, lambda x: x + 1)
print(inc_sq(3))
