class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
print(p.x, p.y, p.norm2())
q = p.moved(1, 1)
print(q.x, q.y, Point.dims, q.dims)
q.dims = 3
print(q.dims, p.dims, Point.dims)
print(type(p).__name__, isinstance(p, Point))
print(Point.__name__, Point.__qualname__)
print(sorted(vars(p).items()))
print(Point.norm2(p))
