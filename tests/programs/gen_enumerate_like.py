def my_enumerate(it, start=0):
    n = start
    for x in it:
        yield n, x
        n += 1


def my_zip(*its):
    iters = [iter(i) for i in its]
    while True:
        out = []
        for it in iters:
            try:
                out.append(next(it))
            except StopIteration:
                return
        yield tuple(out)


def my_range(a, b=None, step=1):
    if b is None:
        a, b = 0, a
    while (step > 0 and a < b) or (step < 0 and a > b):
        yield a
        a += step


print(list(my_enumerate("abc", 1)))
print(list(my_zip([1, 2, 3], "xy", (True, False, None))))
print(list(my_range(5)), list(my_range(10, 0, -3)), list(my_range(2, 2)))
print(dict(my_enumerate(my_range(3))))
