a = [x * 2 for x in range(10) if x % 2 if x > 3]
b = {k: v for k, v in d.items()}
c = {x for x in s}
d = (y for y in z)
e = [(i, j) for i in a for j in b]
async def f():
    return [x async for x in aiter() if await x]
g = [y := f(x), y ** 2]
h = [[i for i in row] for row in matrix]
