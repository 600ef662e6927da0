# a task whose exception nobody retrieved, still referenced when asyncio.run
# returns: CPython reports it when the program ends
import asyncio
async def bad():
    raise ValueError("never retrieved")
async def pending():
    await asyncio.sleep(100)
keep = []
async def main():
    keep.append(asyncio.create_task(bad()))
    await asyncio.sleep(0.01)
    print("main done")
asyncio.run(main())
print("after run")
