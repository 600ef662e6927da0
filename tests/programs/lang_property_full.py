class Temp:
    def __init__(self):
        self._c = 0
        self.log = []
    @property
    def celsius(self):
        "temperature in C"
        self.log.append("get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self.log.append(f"set {v}")
        self._c = v
    @celsius.deleter
    def celsius(self):
        self.log.append("del")
        self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius, t.log, Temp.celsius.__doc__)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
p = Temp.celsius
print(type(p).__name__, p.fget.__name__, p.fset.__name__, p.fdel.__name__, Temp.fahrenheit.fset)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub:" + str(self._c)
s = Sub()
s.celsius = 5
print(s.celsius, s.log)
class Computed:
    def __init__(self, w, h):
        self.w, self.h = w, h
    area = property(lambda self: self.w * self.h, doc="the area")
c = Computed(2, 3)
print(c.area, Computed.area.__doc__)
c.w = 10
print(c.area)
try:
    del c.area
except AttributeError as e:
    print("AttributeError:", e)
class Raising:
    @property
    def bad(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return f"getattr fallback for {name}"
print(Raising().bad)
