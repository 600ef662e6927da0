def read(lines):
    for ln in lines:
        yield ln.strip()
def nonblank(it):
    yield from (x for x in it if x)
def numbered(it, start=1):
    n = start
    for x in it:
        yield f"{n}: {x}"
        n += 1
src = ["a\n", "  \n", "b ", "", "c"]
print(list(numbered(nonblank(read(src)))))
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            return (count, avg)
        total += v; count += 1
        avg = total / count
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, values in {"x": [1, 2, 3], "y": [10]}.items():
    g = grouper(results, key)
    next(g)
    for v in values:
        g.send(v)
    g.send(None)
print(results)
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def take(n, it):
    for _, v in zip(range(n), it):
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals()))))
import itertools
print(list(itertools.islice(naturals(), 3, 6)), list(itertools.chain([1], (2, 3))))
