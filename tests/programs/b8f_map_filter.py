# map() and filter(): many iterables, None function, laziness, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(list(map(str, range(4))))
print(list(map(pow, [2, 3], [5, 2])))
print(list(map(lambda a, b, c: a + b + c, "ab", "cde", "fghi")))
its = [range(i, i + 3) for i in range(12)]
print(list(map(lambda *xs: sum(xs), *its)))
its = [range(i, i + 2) for i in range(40)]
print(list(map(lambda *xs: len(xs), *its)))
print(list(map(max, [1, 5], [4, 2], [3, 3], [0, 9], [7, 1], [2, 2], [6, 6], [8, 0], [9, 9])))
t(map)
t(map, str)
print(type(map(None, [1])).__name__)
t(lambda: list(map(None, [1])))
t(map, str, 5)
t(map, str, [1], 5)
t(map, func=str, iterables=[1])
t(lambda: list(map(lambda x: 1 / x, [1, 0])))
t(lambda: list(map(lambda x, y: x, [1], [2], [3])))
m = map(abs, [-1, -2])
print(type(m).__name__, iter(m) is m, next(m), next(m))
t(next, m)
log = []
def f(x):
    log.append(x)
    return x * 2
m = map(f, range(3))
print(log)
print(next(m), log)

print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(str.isdigit, "a1b2c3")))
print(list(filter(bool, (0, 0.0, 0j, 3))))
t(filter)
t(filter, None)
t(filter, None, [1], [2])
t(filter, None, 5)
t(filter, function=None, iterable=[1])
t(lambda: list(filter(lambda x: x.y, [1])))
class BadBool:
    def __bool__(self):
        raise RuntimeError("truth failed")
t(lambda: list(filter(None, [BadBool()])))
t(lambda: list(filter(lambda x: BadBool(), [1])))
fi = filter(None, [1])
print(type(fi).__name__, iter(fi) is fi, next(fi))
t(next, fi)
print(list(filter(5, [])))
t(lambda: list(filter(5, [1])))
print(list(map(lambda kv: kv[0] * kv[1], {"a": 2, "b": 3}.items())))
