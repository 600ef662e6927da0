class Spy:
    def __init__(self):
        self.value = 10

    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        r = object.__getattribute__(self, name)
        if isinstance(r, int):
            return r * 2
        return r

    def __getattr__(self, name):
        return "missing:" + name


s = Spy()
print(s.value)
print(s.secret)
print(s.nothing)


class Setter:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


t = Setter()
t.a = 5
t.b = "s"
print(t.a, t.b)
del t.a
print(hasattr(t, "a"))
