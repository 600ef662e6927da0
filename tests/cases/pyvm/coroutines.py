class Sleep:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        yield ("sleep", self.n)
        return self.n * 10


async def worker(name, n):
    total = 0
    for i in range(n):
        got = await Sleep(i)
        total += got
        print(name, "step", i, "got", got)
    return f"{name} done {total}"


async def main():
    a = await worker("a", 2)
    b = await worker("b", 3)
    return [a, b]


def run(coro):
    try:
        while True:
            req = coro.send(None)
            print("scheduler saw", req)
    except StopIteration as e:
        return e.value


print(run(main()))
c = worker("x", 1)
print(type(c).__name__, c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("finished:", e.value)


async def fails():
    raise ValueError("inside coroutine")


try:
    fails().send(None)
except ValueError as e:
    print("caught", e)
g = (x * 2 for x in range(3))
print(next(g), g.send(None), list(g))
