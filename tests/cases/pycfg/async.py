import asyncio

async def fetch(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    async with lock as l, other:
        r = await fetch(1)
    async for item in agen():
        if item:
            break
        print(item)
    else:
        pass
    xs = [await fetch(i) for i in range(3)]
    ys = [y async for y in agen() if y]
    g = (z async for z in agen())
    return xs

async def agen():
    for i in range(3):
        yield i
