# list.sort makes CPython's comparisons in CPython's order: count and hash the
# (a, b) pairs __lt__ sees on random, duplicate-heavy, partially sorted,
# run-structured, descending and sawtooth data of sizes 0..2000.
import random

class K:
    __slots__ = ('v',)
    log = []
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        K.log.append((self.v, other.v))
        return self.v < other.v

def run(data):
    K.log = []
    ks = [K(x) for x in data]
    ks.sort()
    h = 0
    for a, b in K.log:
        h = (h * 1000003 + a * 7919 + b) % (1 << 61)
    return len(K.log), h, [k.v for k in ks] == sorted(data)

random.seed(12345)
for n in list(range(0, 70)) + [100, 127, 128, 129, 255, 256, 500, 1000, 1500, 2000]:
    data = [random.randrange(1000) for _ in range(n)]
    print('rand', n, run(data))
for n in [64, 200, 1000, 2000]:
    data = [random.randrange(5) for _ in range(n)]
    print('dups', n, run(data))
    data = sorted(random.randrange(10**6) for _ in range(n))
    for _ in range(n // 20):
        i = random.randrange(n); j = random.randrange(n)
        data[i], data[j] = data[j], data[i]
    print('part', n, run(data))
    data = []
    while len(data) < n:
        m = random.randrange(1, 200)
        run_ = sorted(random.randrange(10**6) for _ in range(m))
        if random.random() < 0.5:
            run_.reverse()
        data.extend(run_)
    print('runs', n, run(data))
    print('desc', n, run(list(range(n, 0, -1))))
    print('asc', n, run(list(range(n))))
    print('saw', n, run([i % 37 for i in range(n)]))
