class Cfg:
    debug = False
    level = 1

    def method(self):
        pass


print(sorted(k for k in Cfg.__dict__ if not k.startswith("__")))
c = Cfg()
print(c.__dict__)
c.debug = True
print(c.__dict__, Cfg.debug)
c.__dict__["level"] = 5
print(c.level)
print(type(c).__name__, c.__class__ is Cfg, Cfg.__class__.__name__)
print(Cfg.__module__, Cfg.__bases__, object.__bases__)
print(type(Cfg.method).__name__, type(c.method).__name__, c.method.__self__ is c)
print(c.method.__func__ is Cfg.method)
try:
    Cfg.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
