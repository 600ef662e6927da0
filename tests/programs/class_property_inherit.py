class Base:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v

    @property
    def name(self):
        return "base"


class Child(Base):
    @property
    def name(self):
        return "child/" + super().name

    @Base.v.setter
    def v(self, val):
        self._v = val * 10


c = Child()
print(c.v, c.name)
c.v = 5
print(c.v)
b = Base()
try:
    b.v = 3
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(Child.__dict__["v"], property), Base.v.fset, Child.v.fset is not None)
