def no_return():
    x = 1


def bare_return():
    return


def multi():
    return 1, "two", [3]


def early(n):
    for i in range(n):
        if i * i > n:
            return i
    else:
        return -1


print(no_return(), bare_return(), multi())
a, b, c = multi()
print(a, b, c)
print(early(10), early(0))


def docs():
    """First line.

    More text.
    """


print(docs.__doc__.splitlines()[0], no_return.__doc__)
