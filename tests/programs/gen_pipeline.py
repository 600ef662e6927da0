def numbers(n):
    for i in range(1, n + 1):
        yield i


def only_odd(it):
    for x in it:
        if x % 2:
            yield x


def squared(it):
    for x in it:
        yield x * x


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


print(list(take(5, squared(only_odd(numbers(100))))))


def chunks(seq, k):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == k:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)


print(list(chunks(range(10), 3)))


def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)


print(list(interleave("abc", [1, 2], (True,))))
