# asyncio cancellation: Task.cancel with a message, CancelledError in the
# coroutine, cleanup in finally, cancelling(), uncancel, shield, and an
# uncaught CancelledError's traceback at the end
import asyncio

async def worker(log):
    try:
        log.append("start")
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append("cancelled: %r" % (e.args,))
        raise
    finally:
        log.append("cleanup")

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "ignored cancel"

async def main():
    log = []
    t = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    print(t.cancel("stop now"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("caught", repr(e), e.args)
    print(log, t.cancelled(), t.done())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises", type(e).__name__, e.args)
    print(t.cancel())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    inner = asyncio.create_task(asyncio.sleep(0.02, "inner result"))
    outer = asyncio.ensure_future(asyncio.shield(inner))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner", inner.cancelled())
    print(await inner)
    fut = asyncio.get_running_loop().create_future()
    fut.cancel(msg="future msg")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("future", e.args)
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print(t.cancelling(), t.uncancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("still cancelled")
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))
    # the main task cancelled from inside: asyncio.run propagates it
    asyncio.current_task().cancel()
    await asyncio.sleep(0)
    print("not reached")

asyncio.run(main())
