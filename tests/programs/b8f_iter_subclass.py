# subclasses of enumerate, zip, map, filter, reversed; their __new__
class E(enumerate):
    def __init__(self, it, start=0):
        self.note = "E"
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v
e = E("abc", 1)
print(list(e), e.note, type(e).__name__, isinstance(e, enumerate), iter(e) is e)
class Z(zip):
    pass
print(list(Z("ab", "cd")), type(Z()).__name__, list(Z()))
class M(map):
    extra = 1
m = M(str.upper, "xy")
print(list(m), m.extra, M.__mro__[1].__name__)
class F(filter):
    def __repr__(self):
        return "<F>"
print(list(F(None, [0, 1, 2])), repr(F(None, [])))
class R(reversed):
    pass
print(list(R([1, 2, 3])), type(R("ab")).__name__)
class Z2(zip):
    def __new__(cls, *its):
        return super().__new__(cls, *its, strict=True)
try:
    print(list(Z2("a", "bc")))
except ValueError as ex:
    print(type(ex).__name__, ex)
print(list(Z2("ab", "cd")))
print(type(enumerate.__new__(E, "q")).__name__, list(enumerate.__new__(enumerate, "pq", 5)))
for bad in (lambda: enumerate.__new__(int, "q"), lambda: zip.__new__(1), lambda: map.__new__(),
            lambda: E(), lambda: M(str), lambda: F(None, 5)):
    try:
        bad()
    except TypeError as ex:
        print("TypeError:", ex)
class Count(enumerate):
    def __new__(cls, it):
        self = super().__new__(cls, it, 100)
        self.seen = 0
        return self
c = Count("xy")
print(list(c), c.seen)
