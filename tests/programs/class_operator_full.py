class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Vec(%g, %g)" % (self.x, self.y)

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __len__(self):
        return 2


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 2, 3 * a, a * b, -a, abs(b))
print(a == Vec(1, 2), a != b, len({a, Vec(1, 2)}), bool(Vec(0, 0)), bool(a))
x, y = b
print(x, y, list(a), a[1], len(a), tuple(a + b))
v = Vec(0, 0)
for w in (a, b, a):
    v += w
print(v)
