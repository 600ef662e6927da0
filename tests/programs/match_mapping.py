def handle(ev):
    match ev:
        case {"type": "click", "x": x, "y": y}:
            return "click at %d,%d" % (x, y)
        case {"type": "key", "key": str(k)}:
            return "key " + k
        case {"type": "multi", **rest}:
            return "multi " + ",".join(sorted(rest))
        case {}:
            return "some dict"
        case _:
            return "not a dict"


print(handle({"type": "click", "x": 1, "y": 2, "extra": 0}))
print(handle({"type": "key", "key": "q"}))
print(handle({"type": "key", "key": 5}))
print(handle({"type": "multi", "b": 1, "a": 2}))
print(handle([]))
