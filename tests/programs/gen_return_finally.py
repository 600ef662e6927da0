def g():
    try:
        yield 1
        return "normal"
    finally:
        print("g finally")


def driver():
    result = yield from g()
    print("driver got", result)
    return result * 2


d = driver()
print(next(d))
try:
    next(d)
except StopIteration as e:
    print("StopIteration value", e.value)


def early_close():
    try:
        for i in range(10):
            yield i
    finally:
        print("closed at", i)


e = early_close()
print(next(e), next(e), next(e))
e.close()
print("after close")
