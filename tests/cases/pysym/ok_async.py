async def f(xs):
    await g()
    async for x in xs:
        pass
    async with lock as l:
        pass
    return [y async for y in xs]
async def h():
    return [await z for z in w]
def gen():
    yield 1
    yield from other()
