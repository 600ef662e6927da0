try:
    x = 1 / 0
except ZeroDivisionError as e:
    print(e)
except (TypeError, ValueError):
    pass
else:
    print("no error")
try:
    f()
finally:
    print("cleanup")
def g():
    for i in range(3):
        try:
            return i
        finally:
            print("fin")
def twice(ts):
    try:
        work()
    finally:
        alive = [t for t in ts if t.is_alive()]
        cb = lambda: alive
with open("f") as fh, lock:
    data = fh.read()
raise ValueError("bad") from None
def twice(ts):
    try:
        work()
    finally:
        alive = [t for t in ts if t.is_alive()]
        cb = lambda: alive
