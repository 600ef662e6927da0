import random
random.seed(12345)
print([random.randint(1, 6) for _ in range(30)])
print([random.randrange(10) for _ in range(20)], [random.randrange(5, 50, 5) for _ in range(10)], random.randrange(-10, -2))
print([round(random.random(), 6) for _ in range(5)], [random.choice('ACGT') for _ in range(20)])
deck = list(range(52)); random.shuffle(deck); print(deck)
print(random.sample(range(1000), 10), random.sample('abcdefgh', 3), sorted(random.sample(range(10**9), 4)))
print(random.choices(range(5), k=8), random.choices('xyz', weights=[1, 5, 10], k=10), random.choices('ab', cum_weights=[1, 3], k=6))
print([random.uniform(-1, 1) for _ in range(3)], random.triangular(), random.triangular(0, 10, 9))
print([random.gauss(10, 2) for _ in range(3)], [random.normalvariate() for _ in range(2)], random.lognormvariate(0, 1))
print(random.expovariate(2), random.vonmisesvariate(1, 2), random.gammavariate(2.5, 1), random.gammavariate(0.5, 2), random.betavariate(2, 3))
print(random.paretovariate(3), random.weibullvariate(1, 1.5), random.getrandbits(100), random.randbytes(8).hex())
for seed in (0, 1, -1, 2**64, 3.75, 'abc', b'abc', bytearray(b'x'), None if False else 99):
    random.seed(seed); print(repr(seed), random.random(), random.randint(0, 10**6))
random.seed(7, version=1); print(random.random())
r1, r2 = random.Random(5), random.Random(5)
print(r1.random() == r2.random(), r1.sample([1, 2, 3], 3) == r2.sample([1, 2, 3], 3), r1.getstate() == r2.getstate())
st = r1.getstate(); a = [r1.random() for _ in range(3)]; r1.setstate(st); print(a == [r1.random() for _ in range(3)], st[0], len(st[1]), st[2])
for f in (lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.sample([1], 2), lambda: random.randrange(1, 10, 0)):
    try: print(f())
    except (ValueError, IndexError, TypeError) as e: print(type(e).__name__, e)
class MyRandom(random.Random):
    def random(self): return 0.5
m = MyRandom(1); print(m.random(), m.randrange(100), m.choice('abc'), m.uniform(0, 10))
