# random: the distributions give CPython's exact values for a seed.
import random
r = random.Random(7)
print(r.uniform(2, 5), r.uniform(5, 2), r.triangular(), r.triangular(0, 10, 3), r.triangular(1, 1))
print(r.betavariate(2, 3), r.betavariate(0.5, 0.5), r.expovariate(1.5), r.expovariate(0.1))
print(r.normalvariate(0, 1), r.normalvariate(10, 3), r.gauss(10, 2), r.gauss(), r.gauss())
print(r.lognormvariate(0, 1), r.vonmisesvariate(1, 2), r.vonmisesvariate(0, 0))
print(r.gammavariate(2, 3), r.gammavariate(0.5, 1), r.gammavariate(1, 1))
print(r.paretovariate(2), r.weibullvariate(1, 2))
vals = [r.gauss(0, 1) for _ in range(1000)]
print(round(sum(vals) / len(vals), 12), min(vals), max(vals))
random.seed(3)
print(random.gauss(0, 1), random.normalvariate(), random.expovariate(2), random.betavariate(1, 1))
for bad in [lambda: r.gammavariate(0, 1), lambda: r.gammavariate(1, -1), lambda: r.betavariate(0, 1)]:
    try:
        print(bad())
    except ValueError as e:
        print(type(e).__name__, e)
