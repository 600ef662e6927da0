d = {}
for i, k in enumerate("python"):
    d[k] = i
print(d)
print(d.popitem(), d.popitem(), d)
d["z"] = 99
d["p"] = -1
print(d, list(d.keys())[0])
a = {1: "a", 2: "b"}
b = {2: "b", 1: "a"}
print(a == b, list(a) == list(b), a.items() == b.items())
print({k: v for k, v in sorted(a.items(), reverse=True)})
e = dict.fromkeys(range(3))
print(e, e.get(5, "dflt"))
print(len({i: i for i in range(1000)}), sum({i: i for i in range(1000)}))
