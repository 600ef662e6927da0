print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"))
print(max([1, -5, 3], key=abs), min(["aaa", "b", "cc"], key=len))
print(max([], default="empty"), min([], default=None), max([1], default=0))
print(max((1, "b"), (1, "a")), min([[2], [1, 5]]))
print(max(1, 2.5), min(True, 0), max(-0.0, 0))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
data = {"a": 3, "b": 7, "c": 5}
print(max(data, key=data.get), min(data.items(), key=lambda kv: kv[1]))
print(abs(-3), abs(-2.5), abs(3 - 4), divmod(9, 4), divmod(-9, 4), divmod(9.5, 2))
print(pow(2, 10), pow(2, 10, 1000), pow(2.0, 3), pow(-8, 1 / 3) if False else pow(4, 0.5))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
