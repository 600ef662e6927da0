class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Circle:
    def __init__(self, c, r):
        self.c, self.r = c, r


def where(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %d" % y
        case Point(x, 0):
            return "on x axis at %d" % x
        case Circle(c=Point(x, y), r=r) if r > 10:
            return "big circle at %d,%d" % (x, y)
        case Circle(r=r):
            return "circle r=%d" % r
        case int(n) | float(n):
            return "number %r" % n
        case str() as s:
            return "string " + s
        case _:
            return "unknown"


for v in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(1, 2), 20),
          Circle(Point(0, 0), 3), 7, 2.5, "s"):
    print(where(v))
try:
    match Circle(1, 2):
        case Circle(a, b):
            pass
except TypeError as e:
    print("TypeError:", e)
