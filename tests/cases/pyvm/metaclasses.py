class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls

    def describe(cls):
        return f"class {cls.__name__} with {sorted(k for k in cls.__dict__ if not k.startswith('__'))}"


class Base(metaclass=Registry):
    x = 1


class Child(Base):
    def hello(self):
        return "hi"


print(Registry.classes, type(Child).__name__, isinstance(Child, Registry), Child.describe())
print(Child().hello(), Child.x)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, v):
        self.v = v


a = Config(1)
b = Config(2)
print(a is b, a.v, b.v)


class Plugin:
    registry = {}

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[key or cls.__name__] = cls


class A(Plugin, key="alpha"):
    pass


class B(Plugin):
    pass


print(sorted(Plugin.registry), Plugin.registry["alpha"] is A)


class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)


class Model:
    size = Field()

    def __class_getitem__(cls, item):
        return f"Model[{item.__name__}]"


m = Model()
print(m.size)
m.size = 21
print(m.size, m._size, Model[int], type(Model.size).__name__)
Dyn = type("Dyn", (Base,), {"y": 5, "get": lambda self: self.y})
print(Dyn().get(), Dyn.__name__, Registry.classes[-1], [k.__name__ for k in Dyn.__mro__])
