class Color(int):
    _names = {}
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        obj.name = name
        cls._names[value] = obj
        return obj
    def __repr__(self):
        return f"<Color.{self.name}: {int(self)}>"
    def __str__(self):
        return f"Color.{self.name}"
    @classmethod
    def lookup(cls, v):
        return cls._names[v]
RED = Color(1, "RED")
GREEN = Color(2, "GREEN")
print(RED, repr(GREEN), RED + GREEN, RED == 1, Color.lookup(2) is GREEN, sorted([GREEN, RED]))
print(f"{RED}", f"{RED!r}", f"{RED:>5}", "%s %d %r" % (RED, RED, RED), [RED], {RED: "r"}[1])
print(isinstance(RED, int), type(RED).__mro__, RED.name, RED.real, RED.bit_length(), -RED, RED * 3)
class Perm(int):
    def __or__(self, o): return Perm(int(self) | int(o))
    def __and__(self, o): return Perm(int(self) & int(o))
    def __contains__(self, o): return int(self) & int(o) == int(o)
    def __repr__(self):
        names = [n for n, b in (("R", 4), ("W", 2), ("X", 1)) if self & b]
        return "|".join(names) or "0"
R, W, X = Perm(4), Perm(2), Perm(1)
rw = R | W
print(rw, R in rw, X in rw, rw & W, Perm(0), rw | X, int(rw | X))
class Meters(float):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative length")
        return super().__new__(cls, v)
    def __add__(self, o):
        return Meters(float(self) + float(o))
    def __repr__(self):
        return f"{float(self)}m"
print(Meters(1.5) + Meters(2), Meters(3) * 2, type(Meters(3) * 2).__name__)
try:
    Meters(-1)
except ValueError as e:
    print("ValueError:", e)
class Name(str):
    def __new__(cls, first, last):
        self = super().__new__(cls, f"{first} {last}")
        self.first, self.last = first, last
        return self
n = Name("Ada", "Lovelace")
print(n, n.first, n.upper(), n.split(), len(n), n == "Ada Lovelace", n.startswith("Ada"))
