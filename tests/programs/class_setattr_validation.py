class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)

    def __setattr__(self, name, value):
        raise AttributeError("cannot set %r: object is frozen" % name)

    def __delattr__(self, name):
        raise AttributeError("cannot delete %r" % name)

    def __repr__(self):
        return "Frozen(%s)" % ", ".join("%s=%r" % kv for kv in sorted(vars(self).items()))


f = Frozen(a=1, b="x")
print(f, f.a)
for action in (lambda: setattr(f, "a", 2), lambda: delattr(f, "b"), lambda: setattr(f, "new", 0)):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
print(f)
