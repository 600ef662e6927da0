def outer():
    x = "outer"

    def middle():
        nonlocal x
        x = "middle"

        def inner():
            nonlocal x
            x = x + "+inner"
            return x
        return inner()
    r = middle()
    return r, x


print(outer())


def acc():
    total = 0
    items = []

    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)
    return add


a = acc()
for v in (3, 4, 5):
    print(a(v))
