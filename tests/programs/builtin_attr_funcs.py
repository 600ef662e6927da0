class Thing:
    color = "red"

    def __init__(self):
        self.size = 3


t = Thing()
print(getattr(t, "size"), getattr(t, "color"), getattr(t, "weight", 0))
setattr(t, "weight", 10)
print(t.weight, hasattr(t, "weight"), hasattr(Thing, "weight"))
delattr(t, "weight")
print(hasattr(t, "weight"))
for name in ("size", "color", "missing"):
    print(name, hasattr(t, name))
try:
    getattr(t, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(t, 5)
except TypeError as e:
    print("TypeError:", e)
print(sorted(k for k in vars(t)))
print(getattr(3, "real"), getattr("s", "upper")())
print(sorted(n for n in dir(t) if not n.startswith("_")))
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print("AttributeError:", e)
