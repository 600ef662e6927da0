seed = 12345


def rand():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed


ok = 0
lines = []
for i in range(300):
    mant = rand() % 10 ** 17
    exp = rand() % 60 - 30
    x = mant * 10.0 ** exp / 10 ** 8
    if rand() % 2:
        x = -x
    r = repr(x)
    if float(r) == x:
        ok += 1
    lines.append(r)
print(ok)
for j in range(0, 300, 6):
    print(" ".join(lines[j:j + 6]))
print(repr(1 / 7), repr(2 / 3 * 1e-300), repr(123456789012345678.0), repr(0.1 ** 20))
