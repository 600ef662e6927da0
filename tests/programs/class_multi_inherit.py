class Flyer:
    def move(self):
        return "fly"

    def describe(self):
        return "can fly"


class Swimmer:
    def move(self):
        return "swim"

    def describe(self):
        return "can swim"

    def dive(self):
        return "dive"


class Duck(Flyer, Swimmer):
    def describe(self):
        return Flyer.describe(self) + " and " + Swimmer.describe(self)


d = Duck()
print(d.move(), d.dive(), d.describe())
print([c.__name__ for c in Duck.__mro__])


class LoggingMixin:
    def log(self, msg):
        return "[%s] %s" % (type(self).__name__, msg)


class Service(LoggingMixin):
    pass


print(Service().log("started"))


class A:
    def __init__(self):
        print("A init")
        super().__init__()


class B:
    def __init__(self):
        print("B init")
        super().__init__()


class C(A, B):
    def __init__(self):
        print("C init")
        super().__init__()


C()
