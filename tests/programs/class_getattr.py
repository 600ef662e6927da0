class Proxy:
    def __init__(self, target):
        self._target = target
        self.log = []

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.log)


class Defaults:
    a = 1

    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError("no " + name)


d = Defaults()
print(d.a, d.xyz)
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(d, "other", "fallback"), hasattr(d, "xo"))
