# zip(): any number of iterables, strict= and its three errors, laziness
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(list(zip()), list(zip("ab")), list(zip("ab", [1, 2, 3])), list(zip(range(3), "xyz", (True,) * 3)))
print(list(zip(*[range(2)] * 12)))
print(list(zip(*[[1, 2], [3, 4], [5, 6]])))
t(lambda: list(zip("ab", "cd", strict=True)))
t(lambda: list(zip("ab", "c", strict=True)))
t(lambda: list(zip("a", "cd", strict=True)))
t(lambda: list(zip("ab", "cd", "e", strict=True)))
t(lambda: list(zip("ab", "cd", "efg", strict=True)))
t(lambda: list(zip("abc", "cd", "ef", strict=True)))
t(lambda: list(zip("a", "b", "c", "de", strict=True)))
t(lambda: list(zip(strict=True)))
t(lambda: list(zip("ab", "c", strict=False)))
t(lambda: list(zip("ab", "c", strict=0)))
t(lambda: list(zip("ab", "c", strict=[1])))
t(zip, "a", foo=True)
t(zip, "a", strict=True, foo=1)
t(zip, 1)
t(zip, "a", None)
z = zip("ab", [1, 2])
print(type(z).__name__, iter(z) is z, next(z), next(z), next(z, "end"))
log = []
def gen(name, n):
    for i in range(n):
        log.append((name, i))
        yield i
print(list(zip(gen("a", 3), gen("b", 1))), log)
log.clear()
print(list(zip(gen("a", 1), gen("b", 3))), log)
zs = zip("abc", strict=True)
print(list(zs))
class Boom:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError("inner")
t(lambda: list(zip("ab", Boom())))
t(lambda: list(zip("ab", Boom(), strict=True)))
it = iter("xyz")
print(list(zip(it, "p")), next(it))
d = dict(zip("abc", range(3)))
print(d, list(zip(*d.items())))
