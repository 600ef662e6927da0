class P:
    pass


p = P()
setattr(p, "x", 5)
print(getattr(p, "x"), vars(p))
delattr(p, "x")
print(hasattr(p, "x"), int("ff", base=16), int("z", 36))


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1), "f" in globals(), {}.fromkeys if False else "skip")
it = iter([1, 2, 3, 0, 5].pop, 0)
print(list(it))
d = {"a": 1, "b": 2}
print(d.popitem(), d)
