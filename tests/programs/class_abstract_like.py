class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")

    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


class Blob(Shape):
    pass


for s in (Square(2), Circle(1), Blob()):
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
shapes = sorted([Square(3), Circle(1), Square(1)], key=lambda s: s.area())
print([type(s).__name__ for s in shapes])
