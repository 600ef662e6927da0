# async generators and sys.set_asyncgen_hooks: firstiter and finalizer
# calls, asyncio.run's shutdown_asyncgens closing an unfinished generator,
# async comprehensions, aclose/athrow, the hooks' argument checking
import asyncio, gc, sys

log = []

async def ticker(n, name):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        log.append(name + " closed")

async def main():
    print([x async for x in ticker(3, "comp")])
    g = ticker(100, "left open")
    print(await g.__anext__(), await g.__anext__())
    keep.append(g)      # still suspended when main returns
    g2 = ticker(5, "thrown")
    await g2.asend(None)
    try:
        await g2.athrow(ValueError("into agen"))
    except ValueError as e:
        print("athrow:", e)
    print(log)

keep = []
print(sys.get_asyncgen_hooks())
asyncio.run(main())
print("after run", log)
print(sys.get_asyncgen_hooks())

calls = []
def firstiter(agen):
    calls.append(("firstiter", agen.__qualname__))
def finalizer(agen):
    calls.append(("finalizer", agen.__qualname__))
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h[1] is finalizer, len(h), type(h).__name__)

async def agen():
    yield 1
    yield 2

a = agen()
try:
    a.asend(None).send(None)
except StopIteration as e:
    print("first value", e.value)
print(calls)
del a
gc.collect()
print(calls)
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is finalizer)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
for bad in ({"firstiter": 1}, {"finalizer": "x"}, {"firstiter": 1, "finalizer": 2}):
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print("TypeError:", e)
def boom(agen):
    raise RuntimeError("firstiter refuses")
sys.set_asyncgen_hooks(firstiter=boom)
try:
    agen().__anext__()
except RuntimeError as e:
    print(e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
