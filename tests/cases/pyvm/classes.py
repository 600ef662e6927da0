class Point:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p == Point(1, 2), p != q, Point.count)
print(p.norm2(), q.norm2(), str(p), [p, q])
print(type(p).__name__, isinstance(p, Point), isinstance(3, Point))


class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} says {self.speak()}"


class Dog(Animal):
    def speak(self):
        return "Woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak().lower() + "!"


for a in [Animal("generic"), Dog("Rex"), Puppy("Bit", 1)]:
    print(a.describe())
print(Puppy.__mro__ if False else [c.__name__ for c in Puppy.__mro__])
print(issubclass(Puppy, Animal), issubclass(Animal, Dog))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @staticmethod
    def unit():
        return "C"

    @classmethod
    def make(cls):
        return cls()


t = Temp.make()
t.celsius = 25
print(t.celsius, Temp.unit(), t.unit())
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)


class Stack:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __contains__(self, x):
        return x in self.items

    def push(self, x):
        self.items.append(x)
        return self


s = Stack().push(1).push(2).push(3)
print(len(s), s[0], s[-1], 2 in s, 5 in s, bool(Stack()), list(s))


class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(list(Counter(4)), sum(Counter(10)))


class Money:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "$" + str(self.v)

    def __radd__(self, other):
        return Money(other + self.v)

    def __call__(self, k):
        return self.v * k


print(sorted([Money(3), Money(1), Money(2)]), max(Money(5), Money(9)), 10 + Money(5), Money(4)(3))
print(getattr(p, "x"), getattr(p, "z", "none"), hasattr(p, "y"), hasattr(p, "w"))
p.z = 9
print(p.z, p.__dict__ if False else "dict")
