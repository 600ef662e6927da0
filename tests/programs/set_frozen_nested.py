groups = {frozenset({"a", "b"}): 1, frozenset({"c"}): 2}
print(groups[frozenset({"b", "a"})], frozenset({"c"}) in groups)
s = {1, 2, 3}
f = frozenset(s)
s.add(4)
print(sorted(f), sorted(s), f < s, f | s == s)
power = [frozenset()]
for x in (1, 2, 3):
    power += [p | {x} for p in power]
print(len(power), sorted(sorted(p) for p in power))
print(sorted({(x, y) for x in range(3) for y in range(x)}))
nums = {n % 7 for n in range(100)}
print(sorted(nums), len(nums))
print(sorted(set("abracadabra") - set("abc")))
