class Sleep:
    def __await__(self):
        v = yield "tick"
        return v

def run(coro, sends=None):
    val = None
    n = 0
    try:
        while True:
            req = coro.send(val)
            n += 1
            print("  loop got", req)
            val = n
    except StopIteration as e:
        return e.value

async def ticker(n):
    try:
        for i in range(n):
            got = await Sleep()
            yield i * 10 + got
    except ValueError as e:
        print("  ticker caught", e)
        yield -1
    finally:
        print("  ticker finally")

async def main():
    out = [v async for v in ticker(2)]
    print("comp", out)
    g = ticker(5)
    print("first", await g.__anext__())
    print("athrow", await g.athrow(ValueError("stop")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g2 = ticker(5)
    await g2.asend(None)
    print("aclose", await g2.aclose())
    print("aclose again", await g2.aclose())
    return "done"

print(run(main()))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def m2():
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

run(m2())

async def raises_stop():
    yield 1
    raise StopAsyncIteration

async def m3():
    try:
        async for x in raises_stop():
            print("x", x)
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)

run(m3())

async def m4():
    a = ticker(1)
    aw = a.__anext__()
    print(type(aw).__name__)
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)

run(m4())

class NoAnext:
    def __aiter__(self):
        return self

async def m5():
    try:
        async for x in NoAnext():
            pass
    except TypeError as e:
        print("TypeError:", e)

class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 42

async def m6():
    try:
        async for x in BadAnext():
            pass
    except TypeError as e:
        print("TypeError:", e)

run(m5())
run(m6())

async def agen2():
    yield 1
g = agen2()
print(g.ag_running, g.__aiter__() is g, type(g.aclose()).__name__, type(g.athrow(ValueError)).__name__)
coro = agen2().asend(5)
try:
    coro.send(None)
except TypeError as e:
    print("TypeError:", e)

async def inner():
    return 7
async def outer():
    return await inner() + await inner()
print(run(outer()))
c = outer()
try:
    c.send(3)
except TypeError as e:
    print("TypeError:", e)
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
