class Shape:
    def kind(self):
        return __class__.__name__

    def real_kind(self):
        return type(self).__name__


class Circle(Shape):
    def kind2(self):
        return __class__.__name__ + "/" + super().kind()


c = Circle()
print(c.kind(), c.real_kind(), c.kind2())


class Inst:
    def method(self):
        return "class method"


obj = Inst()
obj.method = lambda: "instance attr"
print(obj.method(), Inst.method(obj))
del obj.method
print(obj.method())
