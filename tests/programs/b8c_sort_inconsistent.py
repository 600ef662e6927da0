# Inconsistent comparisons (random __lt__) give CPython's result order; an
# exception raised mid-sort leaves the list the same permutation as CPython.
import random

class R:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return random.random() < 0.5
    def __repr__(self): return 'R%d' % self.v

random.seed(7)
for n in [5, 30, 64, 65, 300, 1200]:
    l = [R(i) for i in range(n)]
    l.sort()
    print(n, [r.v for r in l][:40], sum(i * r.v for i, r in enumerate(l)))

class Boom(Exception): pass
class E:
    count = 0
    limit = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        E.count += 1
        if E.count == E.limit:
            raise Boom(E.count)
        return self.v < o.v

random.seed(99)
for n, lim in [(10, 5), (100, 200), (1000, 3000), (1000, 8000), (2000, 15000)]:
    data = [random.randrange(500) for _ in range(n)]
    l = [E(x) for x in data]
    E.count = 0; E.limit = lim
    try:
        l.sort()
    except Boom as e:
        print('boom at', e)
    vals = [e.v for e in l]
    print(n, sorted(vals) == sorted(data), sum(i * v for i, v in enumerate(vals)))
    l = [E(x) for x in data]
    E.count = 0; E.limit = lim
    try:
        l.sort(reverse=True)
    except Boom as e:
        print('boom rev at', e)
    vals = [e.v for e in l]
    print(n, sum(i * v for i, v in enumerate(vals)))

