class Rec:
    def __init__(self):
        self.data = list(range(6))

    def __getitem__(self, k):
        if isinstance(k, slice):
            return "slice(%r, %r, %r)" % (k.start, k.stop, k.step)
        return self.data[k]

    def __setitem__(self, k, v):
        print("setitem", type(k).__name__, v)
        self.data[k] = v

    def __delitem__(self, k):
        print("delitem", type(k).__name__)
        del self.data[k]

    def __len__(self):
        return len(self.data)


r = Rec()
print(r[2], r[1:4], r[::2], r[:-1], r[::])
r[0] = "zero"
r[1:3] = ["a", "b", "c"]
print(r.data)
del r[::2]
print(r.data)
r[-1] += 100
print(r.data, len(r))
