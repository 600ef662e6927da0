d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d["d"] = 4
print(len(k), list(v), ("d", 4) in it, "a" in k)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(list(reversed(d)), list(reversed(d.values())))
for key, val in d.items():
    print(key, val)
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
e = {"x": 1}
print(e.keys() == {"x"}, e.items() == {("x", 1)})
print(list(map(str, d.values()))[:4])
