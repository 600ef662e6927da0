def opts(**kw):
    for k in sorted(kw):
        print(k, "=", kw[k])
    return len(kw)


print(opts())
print(opts(a=1, b=2))
d = {"x": 10, "y": 20}
print(opts(**d))
print(opts(**d, z=30))
print(opts(w=0, **d, z=30))


def mixed(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
print(mixed(*[1, 2], c=0, **{"d": 9, "q": 8}))


def merge(**kw):
    return kw


r = merge(**{"a": 1}, **{"b": 2})
print(sorted(r.items()))
print(list(merge(z=1, y=2, x=3)))
