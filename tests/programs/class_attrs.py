class Counter:
    instances = 0
    shared = []

    def __init__(self):
        Counter.instances += 1
        self.own = []


a = Counter()
b = Counter()
a.own.append(1)
a.shared.append("a")
b.shared.append("b")
print(Counter.instances, a.own, b.own, Counter.shared)
a.instances = 99
print(a.instances, b.instances, Counter.instances)
del a.instances
print(a.instances)
print(hasattr(a, "own"), hasattr(a, "nope"))
print(getattr(a, "nope", "default"))
setattr(b, "extra", 5)
print(b.extra)
delattr(b, "extra")
print(hasattr(b, "extra"))
try:
    b.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Counter.missing
except AttributeError as e:
    print("AttributeError:", e)
