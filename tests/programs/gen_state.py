def gen():
    yield 1


g = gen()
print(g.gi_running, g.gi_frame is not None)
next(g)
try:
    next(g)
except StopIteration:
    pass
print(g.gi_frame)
print(gen.__name__, g.__name__, g.__qualname__)


def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1


c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
print(iter(c) is c)
