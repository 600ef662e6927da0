def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            break
        total += v
        count += 1
        avg = total / count
    return count


a = averager()
print(a.send(None))
print(a.send(10))
print(a.send(20))
print(a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("finished with", e.value)


def echo():
    r = None
    while True:
        r = yield r
        r = "echo:" + str(r)


e = echo()
next(e)
print(e.send(1), e.send("x"))
g = echo()
try:
    g.send(5)
except TypeError as err:
    print("TypeError:", err)
