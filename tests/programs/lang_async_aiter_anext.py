async def agen():
    for i in range(3):
        yield i
async def main():
    it = aiter(agen())
    print(await anext(it), await anext(it), await anext(it), await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("stop")
    async def nested():
        return [x async for x in agen()] + [await z for z in [one(), one()]]
    print(await nested())
    gen_of_aw = (x * 2 async for x in agen())
    print(type(gen_of_aw).__name__, [v async for v in gen_of_aw])
async def one():
    return 1
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
run(main())
c = one()
print(c.cr_frame.f_code.co_name, c.cr_await, c.cr_code.co_name)
c.close()
try:
    aiter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    anext(5)
except TypeError as e:
    print("TypeError:", e)
