class BadIter:
    def __iter__(self):
        return 5


class NoNext:
    def __iter__(self):
        return self


def show(fn):
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)


show(lambda: list(BadIter()))
show(lambda: list(NoNext()))
show(lambda: [x for x in 3])
show(lambda: list(None))
show(lambda: next(5))
show(lambda: (x for x in 7))
show(lambda: dict(1))
show(lambda: sum(1))
show(lambda: sorted(3))
show(lambda: max(4))
show(lambda: set(5))
show(lambda: tuple(6.0))
