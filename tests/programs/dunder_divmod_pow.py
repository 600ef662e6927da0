class M:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "M(%r)" % (self.v,)

    def __divmod__(self, o):
        return ("divmod", self.v, o)

    def __rdivmod__(self, o):
        return ("rdivmod", o, self.v)

    def __pow__(self, e, mod=None):
        return ("pow", self.v, e, mod)

    def __rpow__(self, b):
        return ("rpow", b, self.v)

    def __imatmul__(self, o):
        self.v = self.v * 10 + o
        return self

    def __ne__(self, o):
        return "custom ne"


m = M(3)
print(divmod(m, 2), divmod(7, m), m ** 2, pow(m, 2, 5), 2 ** m)
m @= 4
print(m)
print(m != 1)


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v


print(E(1) != E(1), E(1) != E(2))
