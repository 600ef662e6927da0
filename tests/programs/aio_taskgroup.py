# asyncio.TaskGroup (3.11): results, a failing task cancels its siblings,
# ExceptionGroup with except*, nested groups, asyncio.timeout inside
import asyncio

async def job(name, delay, fail=None, log=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        if log is not None:
            log.append(name + " cancelled")
        raise
    if fail:
        raise fail
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.02))
        t2 = tg.create_task(job("b", 0.01))
    print(t1.result(), t2.result())
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("slow", 1, log=log))
            tg.create_task(job("bad", 0.01, ValueError("boom")))
            tg.create_task(job("bad2", 0.01, KeyError("k")))
    except* ValueError as eg:
        print("ValueError group:", [repr(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("KeyError group:", [repr(e) for e in eg.exceptions])
    print(log)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("x", 0, TypeError("t")))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, len(eg.exceptions), repr(eg.exceptions[0]))
    async def nested():
        async with asyncio.TaskGroup() as inner:
            inner.create_task(job("n", 0, RuntimeError("inner")))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(nested())
    except ExceptionGroup as eg:
        print(repr(eg))
    try:
        async with asyncio.timeout(0.01):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(job("long", 5, log=log))
    except TimeoutError:
        print("timeout around taskgroup", log[-1])
    async with asyncio.TaskGroup() as tg:
        pass
    try:
        tg.create_task(job("late", 0))
    except RuntimeError as e:
        print(e)
    results = []
    async with asyncio.TaskGroup() as tg:
        for i in range(5):
            tg.create_task(job(str(i), 0.001 * (5 - i), log=results))
    print("done", results)

asyncio.run(main())
