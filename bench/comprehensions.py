# comprehensions
n = 0
for k in range(150):
    xs = [i * k for i in range(10000)]
    ys = {i: i + 1 for i in range(0, 10000, 3)}
    zs = {i % 97 for i in xs}
    n += len(xs) + len(ys) + len(zs)
print(n)
