def f(*args, **kwargs):
    return args, kwargs


print(f(*(x for x in range(3))))
print(f(*map(str, range(2)), **{k: v for k, v in zip("ab", range(2))}))
print(f(*{1: 0}, *[2]))
print(f(**dict.fromkeys(["p", "q"], None)))


def g(a, b=2, *, c):
    return a, b, c


print(g(1, c=3), g(*[1], **{"c": 5, "b": 4}))
print(sorted([3, 1, 2], key=None, reverse=False))
