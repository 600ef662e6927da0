print({x: x * x for x in range(5)})
words = ["apple", "bob", "cat", "apple", "bob"]
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print({k: v for k, v in zip("abc", range(3)) if v != 1})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print(sorted({x % 4 for x in range(20)}))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})
print({(i, j): i * j for i in range(2) for j in range(2)})
print(frozenset(x for x in [1, 2, 2, 3]) == {1, 2, 3})
