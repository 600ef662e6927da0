class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Seq()))
for v in Seq():
    print(v)
print(9 in Seq(), 5 in Seq())


class Mapping:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v

    def __delitem__(self, k):
        print("del", k)
        del self.d[k]


m = Mapping()
m["a"] = 1
m[1, 2] = "tuple"
print(m["a"], m[1, 2])
del m["a"]
try:
    m["a"]
except KeyError as e:
    print("KeyError:", e)


class Slicer:
    def __getitem__(self, k):
        return k


s = Slicer()
print(s[1:2], s[::3], s[1:2, 3], s[...])
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
