def f(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(0):
            return "int zero"
        case int(n) if n < 0:
            return "negative"
        case int():
            return "int"
        case str("") | bytes(b""):
            return "empty text"
        case list([x]):
            return "singleton list %r" % x
        case tuple((a, b)):
            return "pair %r %r" % (a, b)
        case dict({"id": i}):
            return "record %r" % i
        case _:
            return "other"


for v in (True, 0, -3, 9, "", b"", [5], (1, 2), {"id": 3, "x": 0}, [1, 2], "s"):
    print(repr(v), f(v))
