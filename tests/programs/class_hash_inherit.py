class Base:
    def __hash__(self):
        return 1


class EqChild(Base):
    def __eq__(self, o):
        return True


class Plain(Base):
    pass


print(Plain.__hash__ is Base.__hash__, EqChild.__hash__)
print(hash(Plain()))
try:
    hash(EqChild())
except TypeError as e:
    print("TypeError:", e)


class Restore(Base):
    def __eq__(self, o):
        return True

    __hash__ = Base.__hash__


print(hash(Restore()))
