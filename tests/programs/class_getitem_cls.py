class Box:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, getattr(item, "__name__", item))


print(Box[int])
print(Box["x"])


class Sub(Box):
    pass


print(Sub[str])
print(list[int])
print(dict[str, list[int]])
print(tuple[int, ...])
