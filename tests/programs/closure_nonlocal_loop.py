def make_accumulators():
    fns = []
    for start in (0, 100):
        def make(s):
            total = s

            def add(x):
                nonlocal total
                total += x
                return total
            return add
        fns.append(make(start))
    return fns


a, b = make_accumulators()
print(a(1), a(2), b(1), b(2), a(0))


def gen_closure():
    x = 0

    def bump():
        nonlocal x
        x += 1
    for _ in range(5):
        bump()
        yield x


print(list(gen_closure()))


def lambda_default_capture():
    return [(lambda: n)() for n in range(3)], [f() for f in [lambda: n for n in range(3)]]


print(lambda_default_capture())
