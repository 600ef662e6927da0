d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "a" in d, 2 in d)
print(d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.setdefault("a", 100))
print(d.pop("b"), d.pop("zz", "none"), d)
print(d.popitem(), d)
d.update({"x": 9}, y=8)
d.update([("w", 7)])
print(d)
del d["x"]
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(dict(a=1, b=2), dict([(1, 2)]), dict.fromkeys("ab", 0), dict(zip("xy", [1, 2])))
print({1: "a", 1.0: "b", True: "c"})
e = d.copy()
e["new"] = 1
print(len(d), len(e), d == e, {1: 2} == {1: 2})
d.clear()
print(d)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
print(sorted({3: "c", 1: "a", 2: "b"}.items()))
