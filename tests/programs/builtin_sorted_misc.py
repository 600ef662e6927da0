print(sorted([]), sorted([1]), sorted(range(5, 0, -1)))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted("Hello World", key=lambda c: (c.lower(), c)))
print(list(reversed(sorted([3, 1, 2]))))
print(sorted([-3, 2, -1], key=abs, reverse=True))
try:
    sorted([1, 2], key=lambda x: None)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print("TypeError:", e)
