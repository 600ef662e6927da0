# array: 3000 seeded random slice reads, assignments and deletions, checked against list semantics and printed
import random
from array import array
random.seed(11)
out = []
for i in range(3000):
    tc = random.choice('bhiqd')
    base = [random.randint(-100, 100) for _ in range(random.randint(0, 12))]
    a, l = array(tc, base), list(base)
    if tc == 'd':
        l = [float(x) for x in l]
    sl = slice(random.choice([None, *range(-14, 15)]), random.choice([None, *range(-14, 15)]),
               random.choice([None, 1, 2, 3, -1, -2, -3]))
    op = random.randint(0, 2)
    try:
        if op == 0:
            r = a[sl]
            assert r.tolist() == l[sl]
        elif op == 1:
            n = len(l[sl]) if sl.step not in (None, 1) else random.randint(0, 4)
            vals = [random.randint(-9, 9) for _ in range(n)]
            a[sl] = array(tc, vals)
            l[sl] = [float(v) for v in vals] if tc == 'd' else vals
        else:
            del a[sl]
            del l[sl]
        assert a.tolist() == l, (tc, base, sl, op)
    except (ValueError, IndexError) as e:
        out.append(type(e).__name__)
    out.append(len(a))
print(sum(x for x in out if isinstance(x, int)), out.count('ValueError'), len(out))
print(out[:60])
