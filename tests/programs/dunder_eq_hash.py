class K:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v

    def __hash__(self):
        return hash(self.v)


d = {K(1): "one", K(2): "two"}
print(d[K(1)], K(2) in d, K(3) in d)
print(len({K(1), K(1), K(2)}))


class EqOnly:
    def __eq__(self, o):
        return True


print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != Plain())
print(hash(1) == hash(1.0), hash(True) == hash(1))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)))


class Inherit(K):
    pass


print(Inherit(1) == K(1), hash(Inherit(5)) == hash(5))
