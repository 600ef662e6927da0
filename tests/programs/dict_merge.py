a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b)
print(b | a)
c = dict(a)
c |= b
print(c)
c |= [("w", 0)]
print(c)
try:
    a | [("k", 1)]
except TypeError as e:
    print("TypeError:", e)
print({**a, **b} == a | b)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
inverted = {}
for k, v in counts.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested)
print(dict(sorted(counts.items(), key=lambda kv: kv[1])))
