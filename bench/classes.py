# classes with method calls and attribute access
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(0, 0)
d = Point(1, -2)
for i in range(800000):
    p = p.add(d)
print(p.x, p.y, p.norm1())
