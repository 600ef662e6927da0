# The real random module over the C _random (same sequences as CPython).
import random
random.seed(12345)
print(random.random(), random.randint(1, 6), random.randrange(10, 100, 5), random.choice("xyz"))
items = list(range(10))
random.shuffle(items)
print(items, random.sample(range(50), 4), round(random.uniform(1, 2), 6))
r = random.Random(7)
print(r.random(), r.getrandbits(20), r.choices("abc", k=5), r.choices([1, 2], weights=[1, 9], k=3))
print(round(random.gauss(0, 1), 6), round(random.normalvariate(5, 2), 6), round(random.expovariate(3), 6))
state = random.getstate()
x = random.random()
random.setstate(state)
print(x == random.random())
