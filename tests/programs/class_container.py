class Bag:
    def __init__(self, *items):
        self._d = {}
        for it in items:
            self.add(it)

    def add(self, it):
        self._d[it] = self._d.get(it, 0) + 1

    def __len__(self):
        return sum(self._d.values())

    def __contains__(self, it):
        return it in self._d

    def __iter__(self):
        for k, n in self._d.items():
            for _ in range(n):
                yield k

    def __getitem__(self, it):
        return self._d.get(it, 0)

    def __delitem__(self, it):
        del self._d[it]

    def __repr__(self):
        return "Bag(%s)" % ", ".join(repr(x) for x in self)

    def __eq__(self, o):
        return isinstance(o, Bag) and self._d == o._d


b = Bag("a", "b", "a", "c")
print(b, len(b), "a" in b, "z" in b, b["a"], b["z"])
del b["a"]
print(b, len(b), sorted(b))
print(Bag(1, 2) == Bag(2, 1), Bag(1) == Bag(1, 1), list(Bag()))
try:
    del b["nope"]
except KeyError as e:
    print("KeyError:", e)
