class N:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "N(%r)" % (self.v,)

    def __add__(self, o):
        return N(self.v + (o.v if isinstance(o, N) else o))

    def __sub__(self, o):
        return N(self.v - o.v)

    def __mul__(self, o):
        return N(self.v * o.v)

    def __truediv__(self, o):
        return N(self.v / o.v)

    def __floordiv__(self, o):
        return N(self.v // o.v)

    def __mod__(self, o):
        return N(self.v % o.v)

    def __pow__(self, o):
        return N(self.v ** o.v)

    def __matmul__(self, o):
        return N(self.v * 1000 + o.v)

    def __lshift__(self, o):
        return N(self.v << o.v)

    def __rshift__(self, o):
        return N(self.v >> o.v)

    def __and__(self, o):
        return N(self.v & o.v)

    def __or__(self, o):
        return N(self.v | o.v)

    def __xor__(self, o):
        return N(self.v ^ o.v)

    def __neg__(self):
        return N(-self.v)

    def __pos__(self):
        return N(+self.v)

    def __invert__(self):
        return N(~self.v)

    def __abs__(self):
        return N(abs(self.v))


a, b = N(12), N(5)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a @ b, a << b, a >> N(2), a & b, a | b, a ^ b)
print(-a, +a, ~a, abs(N(-3)), a + 1)
