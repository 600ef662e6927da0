def f(a, /, b, *, c) -> int:
    return a

async def g():
    await x

class C:
    def m(self):
        pass
# trailing
