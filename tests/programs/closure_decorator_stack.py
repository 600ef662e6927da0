order = []


def deco(name):
    order.append("make " + name)

    def d(fn):
        order.append("apply " + name)

        def w():
            return name + "(" + fn() + ")"
        return w
    return d


@deco("a")
@deco("b")
@deco("c")
def base():
    return "x"


print(base())
for o in order:
    print(o)

registry = {}


def register(fn):
    registry[fn.__name__] = fn
    return fn


@register
def one():
    return 1


@register
def two():
    return 2


print(sorted(registry), registry["two"]())
