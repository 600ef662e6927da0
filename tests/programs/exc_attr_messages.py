class Thing:
    cls_attr = 1

    def __init__(self):
        self.inst = 2


def show(fn):
    try:
        fn()
    except AttributeError as e:
        print("AttributeError:", e)


t = Thing()
show(lambda: t.nope)
show(lambda: Thing.nope)
show(lambda: (1, 2).append)
show(lambda: [].nope)
show(lambda: {}.nope)
show(lambda: "s".nope)
show(lambda: (3.5).nope)
show(lambda: None.nope)
show(lambda: len.nope)
show(lambda: int.nope)
show(lambda: type.nope)
show(lambda: setattr(3, "x", 1))
show(lambda: setattr("s", "upper", 1))
show(lambda: delattr(t, "nope"))
show(lambda: object().x)
