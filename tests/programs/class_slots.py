class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"))
del p.x
try:
    print(p.x)
except AttributeError as e:
    print("AttributeError:", e)


class Q(P):
    pass


q = Q(5, 6)
q.z = 7
print(q.x, q.z, hasattr(q, "__dict__"))
print(P.__slots__)
