# asyncio error output: "Task exception was never retrieved", an exception
# in a callback, "Future exception was never retrieved", the loop's
# exception handler, async generators finalised by the loop's hooks, and an
# exception escaping asyncio.run with its traceback
import asyncio, sys, gc

async def boom():
    raise ValueError("task failed")

async def agen(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("agen finalised")

def bad_callback():
    raise KeyError("in callback")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("task done", t.done())
    del t
    gc.collect()
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback)
    await asyncio.sleep(0.01)
    f = loop.create_future()
    f.set_exception(RuntimeError("future failed"))
    del f
    gc.collect()
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((ctx["message"], repr(ctx.get("exception")))))
    t2 = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    del t2
    gc.collect()
    print("handler saw", seen)
    loop.set_exception_handler(None)
    print(sys.get_asyncgen_hooks().firstiter is not None)
    log = []
    g = agen(log)
    async for v in g:
        if v == 2:
            break
    print("broke out", log)
    del g
    gc.collect()
    await asyncio.sleep(0.01)
    print("after gc", log)
    g2 = agen(log)
    print(await g2.__anext__())
    await g2.aclose()
    print(log)
    await deep(3)

async def deep(n):
    if n == 0:
        raise ZeroDivisionError("deep failure")
    await deep(n - 1)

print(sys.get_asyncgen_hooks())
try:
    asyncio.run(main())
finally:
    print(sys.get_asyncgen_hooks())
