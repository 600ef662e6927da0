class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key}")
        self.key = key


def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
try:
    raise AppError("a", 1)
except AppError as e:
    print(e, repr(e))


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.name == "suppress"


with Resource("a") as r:
    print("inside", r.name)
with Resource("suppress"):
    raise ValueError("hidden")
try:
    with Resource("b"):
        1 / 0
except ZeroDivisionError:
    print("propagated")
print(lookup({"k": 5}, "k"))
lookup({"k": 5}, "q")
