def naturals():
    n = 0
    while True:
        yield n
        n += 1


def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


out = []
for p in primes():
    if p > 60:
        break
    out.append(p)
print(out)
g = naturals()
print([next(g) for _ in range(5)])
print(next(x for x in naturals() if x * x > 200))
z = zip(naturals(), "abc")
print(list(z))
