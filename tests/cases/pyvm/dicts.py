d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d))
print(d["two"], d.get("four"), d.get("four", 4))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=", v)
print(list(d.keys()), list(d.values()))
del d["one"]
print(d, "one" in d, "two" in d)
e = {1: "a", 2: "b", (1, 2): "tuple"}
print(e[(1, 2)], e)
squares = {n: n * n for n in range(6)}
print(squares)
print(d.pop("two"), d)
d.update({"x": 10}, y=20)
print(d)
print(dict(a=1, b=2), {**d, "z": 0})
print(sorted({"b": 1, "a": 2, "c": 0}.items()))
