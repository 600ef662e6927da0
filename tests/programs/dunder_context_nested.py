log = []


class Res:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        log.append("open %d" % self.n)
        return self

    def __exit__(self, *exc):
        log.append("close %d %s" % (self.n, exc[0].__name__ if exc[0] else "ok"))
        return False


try:
    with Res(1):
        with Res(2):
            with Res(3):
                1 / 0
except ZeroDivisionError as e:
    log.append("handled " + str(e))
print("\n".join(log))


class Swallow:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, ArithmeticError)


with Swallow():
    int("1") // 0
print("survived")
try:
    with Swallow():
        [][1]
except IndexError as e:
    print("IndexError:", e)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
