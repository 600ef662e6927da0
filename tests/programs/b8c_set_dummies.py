# Set tables as CPython 3.11 keeps them: an add reuses the LAST dummy slot its
# probe passed; -= and difference_update rebuild a table over 1/4 dummies;
# copying a set with dummies re-inserts. Random add/discard/pop/copy/|=/-= runs.
import random
random.seed(1)
for case in range(3000):
    n = random.randrange(1, 40)
    M = random.choice([64, 256, 10**6])
    base = [random.randrange(M) for _ in range(n)]
    s = set(base)
    dels = random.sample(sorted(s), random.randrange(len(s)))
    for d in dels:
        s.discard(d)
    adds = [random.randrange(M) for _ in range(random.randrange(1, 6))]
    for a in adds:
        s.add(a)
    print(case, s)
random.seed(77)
for case in range(400):
    M = random.choice([10**3, 10**6, 2**40, 2**64])
    s = set()
    ops = []
    for step in range(random.randrange(10, 400)):
        r = random.random()
        if r < 0.55:
            s.add(random.randrange(M) * random.choice([1, 8, 32, 1024]))
        elif r < 0.85 and s:
            s.discard(random.choice(list(s)) if random.random() < 0.8 else random.randrange(M))
        elif r < 0.9 and s:
            s.pop()
        elif r < 0.93:
            s = set(s) if random.random() < 0.5 else s.copy()
        elif r < 0.96:
            s |= {random.randrange(M) for _ in range(random.randrange(5))}
        else:
            s -= set(random.sample(sorted(s), min(len(s), 3)))
    print(case, len(s), hash(frozenset(s)) if False else 0, list(s)[:12], list(s)[-5:])
