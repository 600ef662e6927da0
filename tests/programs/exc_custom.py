class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(field, msg)
        self.field = field
        self.msg = msg

    def __str__(self):
        return "%s: %s" % (self.field, self.msg)


class Empty(Exception):
    pass


try:
    raise ValidationError("age", "must be positive")
except ValueError as e:
    print(e)
    print(e.args)
    print(e.field, isinstance(e, Exception))
    print(repr(Empty()), str(Empty()), repr(Empty(1, 2)), str(Empty(1, 2)))
e = Exception("a", 1)
print(e.args, str(e), repr(e))
print(str(Exception("only")), repr(Exception()), str(Exception()))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
e2 = ValueError("x")
e2.extra = 5
print(e2.extra, e2.args)
e2.args = ("y", "z")
print(e2)
