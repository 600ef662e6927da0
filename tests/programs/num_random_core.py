import _random
r = _random.Random()
print(type(r).__name__, type(r.random()).__name__, 0 <= r.random() < 1)
for seed in (0, 1, 42, -42, 2**32, 2**32 - 1, 2**64 + 1, 10**50, 3.5, -0.0, True, (1, 2)):
    r.seed(seed)
    print(seed, r.random(), r.getrandbits(1), r.getrandbits(31), r.getrandbits(32), r.getrandbits(33), r.getrandbits(64), r.getrandbits(100))
r = _random.Random(12345)
vals = [r.random() for _ in range(1000)]
print(sum(vals), min(vals), max(vals))
print([r.getrandbits(8) for _ in range(20)])
st = r.getstate(); print(type(st).__name__, len(st), st[-1], all(0 <= w < 2**32 for w in st))
a = [r.random() for _ in range(700)]
r.setstate(st); b = [r.random() for _ in range(700)]
print(a == b)
r2 = _random.Random(); r2.setstate(st); print(r2.random() == a[0])
for bad in ((1, 2), tuple(range(625)) + (1,), 5):
    try: r.setstate(bad)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
try: r.setstate(st[:-1] + (625,))
except ValueError as e: print(e)
try: r.getrandbits(-1)
except ValueError as e: print(e)
try: r.seed([1])
except TypeError as e: print(e)
class Sub(_random.Random):
    def __init__(self, s):
        self.seed(s)
        self.extra = 'x'
s = Sub(99); print(s.random(), s.extra, isinstance(s, _random.Random))
print(_random.Random(2**100).random(), _random.Random(-(2**100)).random())
