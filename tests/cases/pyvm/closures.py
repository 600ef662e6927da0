def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c = counter()
c()
c()
print(c())
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])


def outer(x):
    def mid(y):
        def inner(z):
            return x + y + z
        return inner
    return mid


print(outer(1)(2)(3))
total = 0


def add(n):
    global total
    total += n


add(5)
add(7)
print(total)
