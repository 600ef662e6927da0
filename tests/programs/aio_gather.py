# asyncio.gather: results in order, return_exceptions, failure cancels nothing
# else, nested gathers, as_completed, wait FIRST_COMPLETED, run_in order
import asyncio

async def job(i, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError("job %d failed" % i)
    return i * 10

async def main():
    print(await asyncio.gather(job(1, 0.06), job(2, 0.02), job(3, 0.04)))
    print(await asyncio.gather())
    r = await asyncio.gather(job(1, 0), job(2, 0, True), job(3, 0), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in r], r[1])
    t3 = asyncio.ensure_future(job(3, 0.15))
    try:
        await asyncio.gather(job(1, 0.01, True), t3)
    except ValueError as e:
        print("gather raised", e, t3.done(), t3.cancelled())
    print(await t3)
    outer = asyncio.gather(asyncio.gather(job(1, 0), job(2, 0)), job(3, 0))
    print(await outer)
    order = []
    for fut in asyncio.as_completed([job(1, 0.1), job(2, 0.02), job(3, 0.06)]):
        order.append(await fut)
    print("as_completed", order)
    tasks = [asyncio.create_task(job(i, 0.04 * i)) for i in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(pending)
    print(sorted(t.result() for t in done), len(pending))
    g = asyncio.gather(job(1, 1), job(2, 1))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())
    loop = asyncio.get_running_loop()
    f1, f2 = loop.create_future(), loop.create_future()
    loop.call_later(0.01, f2.set_result, "two")
    loop.call_later(0.02, f1.set_result, "one")
    print(await asyncio.gather(f1, f2))
    print(await asyncio.gather(*[job(i, 0) for i in range(10)]))

asyncio.run(main())
