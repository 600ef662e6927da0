# asyncio.Queue, PriorityQueue, LifoQueue: producers/consumers, join,
# task_done, maxsize back-pressure, QueueEmpty/QueueFull
import asyncio

async def producer(q, name, n):
    for i in range(n):
        await q.put((name, i))
        await asyncio.sleep(0)
    return name + " done"

async def consumer(q, out):
    while True:
        item = await q.get()
        out.append(item)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize())
    out = []
    consumers = [asyncio.create_task(consumer(q, out)) for _ in range(2)]
    res = await asyncio.gather(producer(q, "a", 4), producer(q, "b", 3))
    await q.join()
    print(res, sorted(out), len(out))
    for c in consumers:
        c.cancel()
    r = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(x).__name__ for x in r])
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 4, 2, 3):
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    fq = asyncio.Queue(1)
    fq.put_nowait(1)
    try:
        fq.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull", fq.full())
    try:
        await asyncio.wait_for(fq.put(3), 0.01)
    except asyncio.TimeoutError:
        print("put timed out", fq.qsize())
    getter = asyncio.create_task(asyncio.Queue().get())
    await asyncio.sleep(0)
    getter.cancel()
    try:
        await getter
    except asyncio.CancelledError:
        print("getter cancelled")
    print(repr(asyncio.Queue(3)).startswith("<Queue at"), str(asyncio.Queue(3)))
    try:
        q.task_done()
    except ValueError as e:
        print(e)

asyncio.run(main())
