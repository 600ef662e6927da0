class Ver:
    def __init__(self, *parts):
        self.p = parts

    def __eq__(self, o):
        print("eq", self.p, o.p if isinstance(o, Ver) else o)
        return isinstance(o, Ver) and self.p == o.p

    def __lt__(self, o):
        return self.p < o.p

    def __le__(self, o):
        return self.p <= o.p

    def __gt__(self, o):
        return self.p > o.p

    def __ge__(self, o):
        return self.p >= o.p

    def __repr__(self):
        return "Ver" + repr(self.p)


a, b = Ver(1, 2), Ver(1, 3)
print(a < b, a <= b, a > b, a >= b)
print(a == b, a != b)
print(a == 5)
print(sorted([Ver(2), Ver(1, 5), Ver(1)]))
print(max(Ver(1), Ver(3), Ver(2)))


class OnlyLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return self.v < o.v


print(OnlyLt(5) > OnlyLt(3))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
print(1 < 2 < 3, 1 < 3 < 2, (1, 2) < (1, 2, 0))
