class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


class M3(M1):
    def describe(cls):
        return "M3 made " + cls.__name__


class D(A, metaclass=M3):
    pass


print(type(D).__name__, D.describe())


def method(self):
    return "dynamic " + type(self).__name__


Dyn = type("Dyn", (object,), {"method": method, "x": 1})
print(Dyn().method(), Dyn.x, Dyn.__mro__[-1].__name__)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print("TypeError:", e)
