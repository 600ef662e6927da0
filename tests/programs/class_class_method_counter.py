class Model:
    _count = 0
    registry = {}

    def __init__(self, name):
        self.name = name
        type(self)._count += 1
        Model.registry[name] = self

    @classmethod
    def count(cls):
        return cls._count

    @classmethod
    def get(cls, name):
        return cls.registry.get(name)


class User(Model):
    _count = 0


Model("a")
User("b")
User("c")
print(Model.count(), User.count())
print(Model.get("b").name, type(Model.get("c")).__name__, Model.get("z"))
print(sorted(Model.registry))
