# asyncio basics: run, sleep, create_task, call_soon/call_later ordering,
# futures, Event, Lock, Semaphore, wait_for, asyncio.timeout, run_until_complete
import asyncio

async def hello(name, delay, out):
    await asyncio.sleep(delay)
    out.append(name)
    return name.upper()

async def main():
    print("running", asyncio.get_running_loop().is_running())
    out = []
    t1 = asyncio.create_task(hello("b", 0.06, out), name="tb")
    t2 = asyncio.create_task(hello("a", 0.02, out))
    print(t1.get_name(), t1.done())
    r = await t1, await t2
    print(r, out, t1.done(), t1.result())
    loop = asyncio.get_running_loop()
    order = []
    loop.call_later(0.02, order.append, "later2")
    loop.call_later(0.01, order.append, "later1")
    loop.call_soon(order.append, "soon1")
    loop.call_soon(order.append, "soon2")
    h = loop.call_soon(order.append, "cancelled")
    h.cancel()
    await asyncio.sleep(0.05)
    print(order)
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut, fut.done())
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    print([await w for w in ws])
    lock = asyncio.Lock()
    log = []
    async def crit(i):
        async with lock:
            log.append(("in", i))
            await asyncio.sleep(0.001)
            log.append(("out", i))
    await asyncio.gather(crit(1), crit(2), crit(3))
    print(log)
    sem = asyncio.Semaphore(2)
    active = [0, 0]
    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1
    await asyncio.gather(*(limited() for _ in range(6)))
    print("max concurrent", active[1])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timeout", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(hello("x", 0, []), 1))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("asyncio.timeout expired")
    async with asyncio.timeout(None) as cm:
        print("no deadline", cm.when())
    done, pending = await asyncio.wait([asyncio.create_task(hello("w", 0, []))])
    print(len(done), len(pending), [t.result() for t in done])
    print(await asyncio.shield(hello("s", 0, [])))
    cond = asyncio.Condition()
    async def notifier():
        async with cond:
            cond.notify_all()
    async with cond:
        asyncio.create_task(notifier())
        await cond.wait()
        print("condition notified")
    return "main done"

print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(hello("direct", 0, [])))
print(loop.is_closed(), loop.is_running())
loop.close()
print(loop.is_closed())
async def coro():
    return asyncio.current_task().get_name().startswith("Task-")
print(asyncio.run(coro()))
