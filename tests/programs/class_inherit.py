class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog/" + Animal.kind(self)


class Puppy(Dog):
    def speak(self):
        return super().speak() + " (tiny)"


for a in (Animal("x"), Dog("rex"), Puppy("bit")):
    print(a.speak(), a.kind())
print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__)
print(isinstance(Puppy("p"), Dog))
