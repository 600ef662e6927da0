class Sleep:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        r = yield self.n
        return r


async def child(x):
    got = await Sleep(x)
    return got * 2


async def parent():
    a = await child(1)
    b = await child(2)
    return a + b


c = parent()
print(type(c).__name__)
print(c.send(None))
print(c.send(10))
try:
    c.send(100)
except StopIteration as e:
    print("result", e.value)


async def simple():
    return "plain"


s = simple()
try:
    s.send(None)
except StopIteration as e:
    print(e.value)


def run(coro):
    v = None
    steps = 0
    while True:
        try:
            v = coro.send(v)
            steps += 1
        except StopIteration as e:
            return e.value, steps


print(run(parent()))
