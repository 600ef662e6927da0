s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(None)), slice(5))
data = list(range(12))
print(data[s], data[slice(None, None, -3)], data[slice(-4, None)])
print(s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
text = "abcdefghij"
cut = slice(2, -2)
print(text[cut], tuple(data)[cut], bytes(range(10))[cut])
try:
    hash(slice(1, 2))
    print("hashable slice")
except TypeError as e:
    print("TypeError:", e)
