class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def __str__(self):
        return f"{self.name} with {self.sides} sides"

    def __repr__(self):
        return f"Shape({self.name!r})"

    def __lt__(self, other):
        return self.sides < other.sides


class Triangle(Shape):
    sides = 3


class Square(Shape):
    sides = 4

    def area(self, s):
        return s * s


shapes = [Square("sq"), Triangle("tri"), Shape("blob")]
print(sorted(shapes), [str(s) for s in shapes], min(shapes).name)
print(Square("x").area(3), Square.sides, hasattr(Square, "area"), getattr(Triangle("t"), "sides"))


class Stack(list):
    pass


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s.pop(), isinstance(s, list), type(s).__name__, s + [9], sum(s))


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, k):
        self[k] = self[k] + 1


c = Counter()
for ch in "abracadabra":
    c.add(ch)
print(c, c["z"], sorted(c.items()), len(c), dict(c) == c)


class Tags(set):
    pass


t = Tags(["a", "b"])
t.add("a")
print(len(t), "a" in t, sorted(t))
