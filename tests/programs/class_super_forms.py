class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return "base:" + str(self.v)

    @classmethod
    def make(cls, v):
        return cls(v)


class Mid(Base):
    def __init__(self, v):
        super(Mid, self).__init__(v * 2)

    def get(self):
        return "mid/" + super(Mid, self).get()


class Leaf(Mid):
    def get(self):
        return "leaf/" + super().get()

    @classmethod
    def make(cls, v):
        obj = super().make(v + 1)
        return obj


print(Leaf(5).get())
print(Leaf.make(1).get())
print(type(Leaf.make(1)).__name__)
print(super(Leaf, Leaf(1)).get())
print(super(Mid, Leaf(1)).get())
