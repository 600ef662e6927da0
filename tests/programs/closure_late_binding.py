fs = []
for i in range(4):
    fs.append(lambda: i)
print([f() for f in fs])

gs = []
for i in range(4):
    def g(i=i):
        return i * 10
    gs.append(g)
print([g() for g in gs])


def make_all():
    out = []
    for k in range(3):
        def h():
            return k
        out.append(h)
    return out


print([h() for h in make_all()])


def binder(v):
    return lambda: v


print([f() for f in [binder(x) for x in "abc"]])
