class Record:
    fields = ()

    def __init__(self, *args, **kw):
        if len(args) > len(self.fields):
            raise TypeError("%s takes %d positional arguments" % (type(self).__name__, len(self.fields)))
        vals = dict(zip(self.fields, args))
        for k, v in kw.items():
            if k not in self.fields:
                raise TypeError("unexpected field %r" % k)
            if k in vals:
                raise TypeError("duplicate field %r" % k)
            vals[k] = v
        for f in self.fields:
            setattr(self, f, vals.get(f))

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (f, getattr(self, f)) for f in self.fields))

    def __eq__(self, o):
        return type(o) is type(self) and all(getattr(self, f) == getattr(o, f) for f in self.fields)


class Point(Record):
    fields = ("x", "y")


class Person(Record):
    fields = ("name", "age", "email")


print(Point(1, 2), Point(y=5), Person("ann", email="a@x"))
print(Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
for args, kw in (((1, 2, 3), {}), ((1,), {"z": 1}), ((1,), {"x": 2})):
    try:
        Point(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
