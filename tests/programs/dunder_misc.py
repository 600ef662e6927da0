class Temperature:
    def __init__(self, deg):
        self.deg = deg

    def __int__(self):
        return int(self.deg)

    def __float__(self):
        return float(self.deg)

    def __round__(self, n=None):
        return Temperature(round(self.deg, n))

    def __repr__(self):
        return "T(%r)" % self.deg

    def __hash__(self):
        return 7

    def __reversed__(self):
        return iter("reversed!")

    def __len__(self):
        return 3


t = Temperature(21.567)
print(int(t), float(t), round(t), round(t, 1), hash(t))
print("".join(reversed(t)))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]


print(list(reversed(Seq())), list(Seq()))


class Neg:
    def __neg__(self):
        return "negated"

    def __pos__(self):
        return "positive"

    def __invert__(self):
        return "inverted"


n = Neg()
print(-n, +n, ~n)
