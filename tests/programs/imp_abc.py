# abc: ABC, abstractmethod, register, isinstance through __subclasshook__.
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Sq(3).area(), isinstance(Sq(1), Shape), issubclass(Sq, Shape))
class Other:
    pass
Shape.register(Other)
print(isinstance(Other(), Shape), issubclass(int, Shape), type(Shape) is ABCMeta)
