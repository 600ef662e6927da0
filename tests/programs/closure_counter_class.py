def make_stack():
    items = []

    def push(x):
        items.append(x)

    def pop():
        return items.pop()

    def size():
        return len(items)
    return push, pop, size


push, pop, size = make_stack()
for i in range(4):
    push(i * i)
print(size(), pop(), pop(), size())


def adders():
    return {n: (lambda x, n=n: x + n) for n in range(3)}


print({k: f(10) for k, f in adders().items()})


def outer():
    a = 1

    def mid():
        b = 2

        def inner():
            return a + b
        return inner
    return mid()


print(outer()())
print(outer().__closure__[0].cell_contents + outer().__closure__[1].cell_contents)
