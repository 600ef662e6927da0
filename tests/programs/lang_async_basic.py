

class Awaitable:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("req", self.v)
        return got * 2

async def add(a, b):
    x = await Awaitable(a)
    y = await Awaitable(b)
    return x + y

def run(coro):
    val = None
    try:
        while True:
            req = coro.send(val)
            print("yielded", req)
            val = req[1] + 1
    except StopIteration as e:
        return e.value

print(run(add(1, 2)))

class AIter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

async def main():
    total = 0
    async for x in AIter(4):
        total += x
    else:
        print("async for else", total)
    async with ACM("a") as a, ACM("b") as b:
        print("inside", a, b)
    async with ACM("c", True):
        raise ValueError("boom")
    print("after suppressed")
    try:
        async with ACM("d"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
    r = [y async for y in AIter(3)]
    s = {y * 2 async for y in AIter(3) if y != 2}
    return r, s

print(run(main()))

async def agen(n):
    for i in range(n):
        got = yield i
        if got:
            print("agen got", got)
    print("agen done")

async def use_agen():
    out = []
    async for v in agen(3):
        out.append(v)
    g = agen(5)
    print(await g.__anext__(), await g.asend("hello"), await g.asend(None))
    await g.aclose()
    return out

print(run(use_agen()))

async def bad():
    async for x in 5:
        pass

try:
    run(bad())
except TypeError as e:
    print("TypeError:", e)

async def bad2():
    async with 5:
        pass

try:
    run(bad2())
except TypeError as e:
    print("TypeError:", e)

c = add(1, 2)
print(type(c).__name__, c.cr_running, c.__name__, c.__qualname__)
c.close()
g = agen(1)
print(type(g).__name__, g.__name__, type(g.__aiter__()).__name__)
async def f(): return 1
print(callable(f))
