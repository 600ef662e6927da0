class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")))
        ns["added"] = name.lower()
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)


class Base(metaclass=Meta):
    def m(self):
        pass


class Child(Base):
    x = 1

    def __init__(self, v):
        self.v = v


c = Child(3)
print(c.v, c.added, Base.added, type(Child).__name__)
print(type(Base) is Meta, isinstance(Child, Meta))
Dyn = type("Dyn", (Base,), {"z": 9})
print(Dyn.z, Dyn.__name__, Dyn.added)
print(type(type), type(int), type(3))
