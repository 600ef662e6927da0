class Base:
    def __init__(self):
        self.log = ["base"]

    @property
    def name(self):
        return "base-name"

    @staticmethod
    def util():
        return "util"

    def __repr__(self):
        return "Base"


class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("derived")

    @property
    def name(self):
        return "derived+" + super().name

    def helper(self):
        def inner():
            return super(Derived, self).__repr__()
        return inner()

    def via_comprehension(self):
        return [super().__repr__() for _ in range(1)]

    def __repr__(self):
        return "Derived/" + super().__repr__()


d = Derived()
print(d.log, d.name, d.util(), repr(d), d.helper())
print(super(Derived, d).name, super(Base, d).__repr__ is not None)
try:
    d.via_comprehension()
except (TypeError, RuntimeError) as e:
    print(type(e).__name__ + ":", e)
try:
    super(int, d)
except TypeError as e:
    print("TypeError:", e)
