class C:
    def m(self, a):
        return a

    @staticmethod
    def s(a, b=1):
        return a + b

    @classmethod
    def k(cls, *, flag):
        return flag


class NoInit:
    pass


class WithInit:
    def __init__(self, x, y=0):
        self.x = x


def attempt(fn, *a, **kw):
    try:
        print(fn(*a, **kw))
    except TypeError as e:
        print("TypeError:", e)


c = C()
attempt(c.m)
attempt(c.m, 1, 2)
attempt(C.m, 1)
attempt(C.s)
attempt(c.s, 1, 2, 3)
attempt(C.k, True)
attempt(C.k, flag=1)
attempt(NoInit, 1)
attempt(WithInit)
attempt(WithInit, 1, 2, 3)
attempt(WithInit, 1, z=2)
attempt(lambda x: x)
attempt(lambda *, k: k, 1)
