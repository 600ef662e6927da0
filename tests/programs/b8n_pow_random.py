# pow(a, b, m) on many pseudo-random ints of all sizes and signs, against
# CPython's modular exponentiation (negative exponents take the inverse).
state = 12345
def rnd(bits):
    global state
    r = 0
    for _ in range(bits // 30 + 1):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 30) | (state >> 34)
    return r % (1 << bits) if bits else 0

sizes = [1, 3, 10, 31, 32, 33, 63, 64, 65, 100, 300]
esizes = [0, 1, 5, 40, 70, 200]
total = 0
errors = {}
for i in range(2500):
    bits = sizes[rnd(8) % len(sizes)]
    a = rnd(bits) * (1 if rnd(1) else -1)
    b = rnd(esizes[rnd(8) % len(esizes)]) * (-1 if rnd(2) == 0 else 1)
    m = rnd(bits) * (1 if rnd(1) else -1)
    try:
        r = pow(a, b, m)
        total = (total * 31 + r) % (2**61 - 1)
        if i % 100 == 0:
            print(i, a, b, m, r)
    except (ValueError, ZeroDivisionError) as e:
        errors[str(e)] = errors.get(str(e), 0) + 1
print(total)
print(sorted(errors.items()))
# identities
for a in range(-20, 21):
    for m in (7, 11, -13, 2**61 - 1, 10**20 + 39):
        for b in range(-3, 8):
            try:
                r = pow(a, b, m)
            except ValueError as e:
                continue
            assert r == pow(a, b, m) and (0 <= r < m if m > 0 else m < r <= 0), (a, b, m)
            if b >= 0:
                assert r == (a ** b) % m, (a, b, m)
            else:
                assert (r * pow(a, -b, m)) % m == 1 % m, (a, b, m)
print("identities ok")
