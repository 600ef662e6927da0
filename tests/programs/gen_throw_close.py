def worker():
    try:
        while True:
            try:
                v = yield
                print("got", v)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("worker cleanup")


w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.close()
print("closed")
try:
    w.send(2)
except StopIteration:
    print("StopIteration after close")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit")
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g = worker()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
fresh = worker()
fresh.close()
print("fresh closed without cleanup")
