def squares(n):
    for i in range(n):
        print("yielding", i)
        yield i * i
    print("done")


g = squares(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(list(g))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)


def early(n):
    if n < 0:
        return
    yield n


print(list(early(-1)), list(early(4)))
print(sum(x for x in range(101)))
