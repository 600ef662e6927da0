a, b = 1, 2
a, b = b, a
print(a, b)
x, *rest = [1, 2, 3, 4]
print(x, rest)
*init, last = (5, 6, 7)
print(init, last)
p, (q, r) = 1, (2, 3)
print(p, q, r)
t = (1, 2, 3)
print(t, t[1], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), ())
for i, (u, v) in enumerate([(1, 2), (3, 4)]):
    print(i, u, v)
print(list(zip([1, 2, 3], "abc")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(list(reversed([1, 2, 3])), sorted([3, 1, 2], reverse=True), sorted(["bb", "a"], key=len))
print([x * x for x in range(5) if x % 2 == 0], any([0, 1]), all([1, 0]))
def f(*args, **kwargs):
    return args, kwargs
print(f(1, 2, k=3), f(*[4, 5], **{"z": 6}))
def g(a, b=2, *, c=3):
    return a + b + c
print(g(1), g(1, 1), g(1, c=10), g(b=5, a=1))
