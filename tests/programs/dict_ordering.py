d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
d["alpha"] = 99
print(list(d.items()))
del d["zeta"]
d["zeta"] = 0
print(list(d))
print(d == {"zeta": 0, "beta": 4, "mid": 3, "alpha": 99})
print(next(iter(d)), list(d)[-1])
d2 = dict(sorted(d.items()))
print(d2)
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
print(nested)
print(str({"a": [1, {"b": None}], 2: (3,)}))
print(repr({"quote": "it's", "dq": 'x"y'}))
