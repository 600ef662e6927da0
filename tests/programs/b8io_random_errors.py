# random: CPython's errors for bad arguments.
import random
r = random.Random(1)
tests = [lambda: r.randrange(0), lambda: r.randrange(5, 1), lambda: r.randrange(0, 10, 0),
         lambda: r.randrange(1, 5, -1), lambda: r.choice([]), lambda: r.choice(''),
         lambda: r.sample([1], 2), lambda: r.sample([1, 2], -1), lambda: r.randint(3, 1),
         lambda: r.getrandbits(-1), lambda: r.choices('ab', weights=[1], k=1),
         lambda: r.choices('ab', weights=[1, 1], cum_weights=[1, 2]),
         lambda: r.choices('ab', weights=[0, 0]), lambda: r.choices([], k=1),
         lambda: r.sample({1, 2}, 1), lambda: r.setstate((9, (), None)),
         lambda: r.sample([1, 2], 1, counts=[1]), lambda: r.randbytes(-1),
         lambda: r.shuffle((1, 2)), lambda: r.randrange('a'), lambda: random.Random([1])]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
