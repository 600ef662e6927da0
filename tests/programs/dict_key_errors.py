def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e), str(e))


d = {"a": 1, 2: "b", (1, 2): "t"}
show(lambda: d["b"])
show(lambda: d[1])
show(lambda: d[(1, 2)])
show(lambda: d[(1, 3)])
show(lambda: d[[1]])
show(lambda: {}.pop(""))
show(lambda: dict([1, 2]))
show(lambda: dict([(1, 2, 3)]))
show(lambda: {"a": 1} < {"b": 2})
show(lambda: {1: 2}.update(5))
show(lambda: d.get([]))
