class A:
    pass


a, b = A(), A()
print(a == a, a == b, a != b, a is a)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print(hash(a) == hash(a), len({a, b, a}))


class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v == o.v


print(V(1) == V(1), V(1) != V(2), V(1) == 1, 1 == V(1))
print(V(1) in [V(0), V(1)], [V(1)].index(V(1)), [V(2), V(2)].count(V(2)))
try:
    hash(V(1))
except TypeError as e:
    print("TypeError:", e)
