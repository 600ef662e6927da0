# random: CPython's exact sequences for seeds of every kind, and the state.
import random
for s in [0, 1, 12345, -7, 2**80, 'hello', b'bytes', bytearray(b'ba'), 3.5, True]:
    r = random.Random(s)
    print(repr(s)[:20], r.random(), r.randint(0, 100), r.randrange(0, 1000, 7),
          r.getrandbits(70), r.choice('abcdefg'))
random.seed(5); print(random.random(), random.randint(1, 10), random.randrange(100))
random.seed(5, version=1); print(random.random())
random.seed('abc', version=1); print(random.random())
random.seed('abc', version=2); print(random.random())
random.seed(); print(type(random.random()))
x = random.Random(); x.seed(10); print(x.random(), x.randrange(-50, 50))
r = random.Random(99)
st = r.getstate()
print(type(st), len(st), st[0], len(st[1]), st[2], st[1][-1])
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)])
r2 = random.Random()
r2.setstate(st)
print(r2.random() == a[0])
print(r.getrandbits(0), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100))
print(r.randbytes(0), r.randbytes(5), len(r.randbytes(17)))
print(hasattr(random, 'binomialvariate'), random.Random.__name__, isinstance(random.SystemRandom().random(), float))
class R(random.Random):
    def random(self):
        return 0.5
print(R(1).randrange(10), R(1).choice('abc'), R(1).uniform(0, 10))
