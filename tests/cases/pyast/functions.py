def a(p, q=1, *args, r, s=2, **kw): pass
def b(x, /, y, *, z): pass
def c(x=1, /, y=2, *, z=3) -> int:
    return x
def d(*args: int, **kw: str) -> None: ...
async def e(): await g()
lambda: 0
lambda x, *y, z=1, **w: x
lambda x, /, y: x
@dec
@dec2(1)
@a.b.c
def h(): yield; yield 1; yield from x
def k():
    global g1, g2
    def m():
        nonlocal n
