class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as a, CM("b", True) as b:
    print("body", a.name, b.name)
    raise ValueError("inner")
print("after")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM(f"loop{i}", True):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class Truthy:
    def __enter__(self): return 1
    def __exit__(self, *a): return "yes"
with Truthy():
    1 / 0
print("suppressed by truthy")
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("orig")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class OnlyEnter:
    def __enter__(self): return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError:", e)

class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "":
            return f"${self.v}"
        if spec.endswith("c"):
            return f"{self.v * 100:{spec[:-1]}d}c"
        return format(self.v, spec)
    def __str__(self): return "Money!"
    def __repr__(self): return "Money(%r)" % self.v
m = Money(3)
print(f"{m}", f"{m:.2f}", f"{m:5c}", format(m), "{:>8}".format(m), f"{m!s}", f"{m!r}", f"{m!r:>12}")
print("%s %r" % (m, m), str(m), repr(m))
class NoFormat:
    pass
try:
    format(NoFormat(), "x")
except TypeError as e:
    print("TypeError:", e)
nf = NoFormat()
print(format(nf, "") == str(nf))
class BadFormat:
    def __format__(self, spec): return 5
try:
    f"{BadFormat()}"
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self): return 5
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self): return None
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
print(f"{3.14159:.3}", f"{12345:,}", f"{'x':*^7}", f"{255:#x}", f"{-5:+d}", f"{1e10:g}", f"{0.5:%}")
