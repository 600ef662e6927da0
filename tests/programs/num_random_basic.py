import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.randrange(0, 1000, 7), random.choice('abcdef'), random.uniform(1, 5))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.gauss(0, 1), random.getrandbits(40))
random.seed('hello'); print(random.random())
random.seed(b'xyz'); print(random.random())
r = random.Random(7); print(r.random(), r.choices('abc', k=5), r.normalvariate(0, 1), r.expovariate(1.5), r.triangular(0, 10))
st = random.getstate(); x = random.random(); random.setstate(st); print(x == random.random())
