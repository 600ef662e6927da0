class A:
    "A class"
    x = 1
    def method(self):
        return self.x

class B(A, metaclass=Meta):
    def method(self):
        return super().method() + 1
    @property
    def prop(self):
        return __class__

class C:
    y: int = 3
    z: str
    def __init__(self):
        self.__private = 1
