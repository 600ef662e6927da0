class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "<%s, %s>" % (self.x, self.y)


v = V(1, "a")
print(v)
print(repr(v))
print(str(v))
print([v, v])
print((v,))
print({"k": v})
print("%s and %r" % (v, v))
print(f"{v} {v!r} {v!s}")


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


print(OnlyRepr(), str(OnlyRepr()))
