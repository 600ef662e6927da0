import asyncio
from os import path as p, sep

async def fetch(n):
    async with asyncio.Lock() as lock:
        await asyncio.sleep(0)
    async for item in agen(n):
        print(item)
    return [x async for x in agen(n)]

async def agen(n):
    for i in range(n):
        yield i

def classify(v):
    match v:
        case 0 | 1:
            return 'small'
        case [a, b, *rest]:
            return f'seq {a} {b} {len(rest)}'
        case {'k': val, **others}:
            return val
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case str() as s:
            return s
        case _:
            return None
