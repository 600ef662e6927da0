class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @c.deleter
    def c(self):
        print("deleting")
        self._c = 0

    @property
    def f(self):
        return self._c * 9 / 5 + 32


t = Temp(100)
print(t.c, t.f)
t.c = 0
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
del t.c
print(t.c)
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temp.c).__name__)
area = property(lambda self: self.w * self.h)


class Rect:
    area = area

    def __init__(self, w, h):
        self.w, self.h = w, h


print(Rect(3, 4).area)
