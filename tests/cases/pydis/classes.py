class Point:
    """A point."""
    count: int = 0

    def __init__(self, x, y):
        self.x, self.y = x, y
        Point.count += 1

    def __repr__(self):
        return f'Point({self.x!r}, {self.y:>4})'

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

class P3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

print(Point(3, 4).norm, repr(P3(1, 2, 3)), {**{'a': 1}, 'b': 2}, [*range(3)])
