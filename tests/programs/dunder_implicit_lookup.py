class Dyn:
    def __getattr__(self, name):
        if name == "__len__":
            return lambda: 42
        raise AttributeError(name)


d = Dyn()
print(d.__len__())
try:
    len(d)
except TypeError as e:
    print("TypeError:", e)


class Inst:
    pass


i = Inst()
i.__len__ = lambda: 7
print(i.__len__())
try:
    len(i)
except TypeError as e:
    print("TypeError:", e)


class NotIterable:
    __iter__ = None


try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)


class NoHash:
    __hash__ = None


try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
