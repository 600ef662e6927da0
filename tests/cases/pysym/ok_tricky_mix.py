global gx
gx = 1
def f():
    class C:
        nonlocal_target = 1
        def m(self):
            return __class__, nonlocal_target
        print(__class__)
    return C
def g():
    x = 1
    class D:
        nonlocal x
        x = 2
        lam = lambda: x
    return D
h = lambda: [(w := i) for i in range(3)]
class E:
    lam = lambda self: super()
    comp = [super() for _ in ()]
    def __init__(self): self.__priv = [__q for __q in range(2)]
try:
    pass
except* ValueError as eg:
    pass
def deco(fn=lambda: (yield)):
    @(lambda q: q)
    class Inner(Base := object, metaclass=type):
        pass
    return Inner
async def co():
    return {k async for k in aiter_()} , (v async for v in x)
def gen():
    return (z for z in range(3) if z), (yield)
def kw(*, a, b=lambda: c):
    del a
    return locals()
x = [[y for y in range(x)] for x in range(3) for x2 in range(x)]
def outer():
    def mid():
        def inner():
            nonlocal q
            q = 2
        return inner
    q = 1
    return mid
def ann(a: (lambda: 1)(), *args: int, **kw: "s") -> [c for c in ()]:
    pass
class F:
    def __init__(self):
        def __deep(): return __x
        __x = 1
