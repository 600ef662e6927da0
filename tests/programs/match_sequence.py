def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return "one: %r" % (a,)
        case [a, b]:
            return "two: %r %r" % (a, b)
        case [first, *middle, last]:
            return "many: %r %r %r" % (first, middle, last)
        case _:
            return "not a sequence"


for v in ([], [1], (1, 2), [1, 2, 3, 4], "ab", range(3), 5, {1: 2}):
    print(repr(v), "->", shape(v))


def head(x):
    match x:
        case [0, *_]:
            return "starts with 0"
        case [_, _, *rest] if len(rest) > 1:
            return "long tail %d" % len(rest)
        case [[a, b], c]:
            return "nested %r %r %r" % (a, b, c)
    return "no"


for v in ([0, 9], [1, 2, 3, 4], [[1, 2], 3], [1]):
    print(head(v))
