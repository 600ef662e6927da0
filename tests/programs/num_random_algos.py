import random
rng = random.Random(2024)
# Monte Carlo pi, random walk, reservoir sampling, Fisher-Yates via randrange
inside = sum(1 for _ in range(20000) if rng.random() ** 2 + rng.random() ** 2 < 1)
print(inside, 4 * inside / 20000)
pos, hist = 0, {}
for _ in range(5000):
    pos += rng.choice((-1, 1))
    hist[pos // 10] = hist.get(pos // 10, 0) + 1
print(pos, sorted(hist.items())[:5])
res = []
for i, x in enumerate(range(1000)):
    if i < 5: res.append(x)
    else:
        j = rng.randrange(i + 1)
        if j < 5: res[j] = x
print(res)
a = list(range(20))
for i in range(len(a) - 1, 0, -1):
    j = rng.randint(0, i); a[i], a[j] = a[j], a[i]
print(a)
counts = [0] * 6
for _ in range(6000): counts[rng.randrange(6)] += 1
print(counts, sum(counts))
print(sorted(rng.sample(range(100), 10)), rng.getrandbits(256) % 1000007, [rng.getrandbits(k) for k in (1, 7, 31, 32, 33, 63, 64, 65)])
g = random.Random(); g.seed(1); x = g.random(); g.seed(1); print(x == g.random(), random.Random(1).random() == x)
print([round(rng.gauss(), 3) for _ in range(6)], round(sum(rng.expovariate(1) for _ in range(1000)), 6))
bits = rng.getrandbits(10000); print(bits.bit_length(), bits % 99991, rng.randbytes(5).hex())
