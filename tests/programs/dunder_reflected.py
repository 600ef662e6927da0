class R:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "R(%r)" % (self.v,)

    def __radd__(self, o):
        return R(o + self.v)

    def __rsub__(self, o):
        return R(o - self.v)

    def __rmul__(self, o):
        return R(o * self.v)

    def __rtruediv__(self, o):
        return R(o / self.v)

    def __rpow__(self, o):
        return R(o ** self.v)

    def __rmod__(self, o):
        return R(o % self.v)

    def __ror__(self, o):
        return R(o | self.v)


r = R(3)
print(1 + r, 10 - r, 2 * r, 9 / r, 2 ** r, 10 % r, 4 | r)
print(sum([R(1), R(2)], 0) if False else sum([1, 2], 0) + r)
print("ab" * R(2).v, [0] * 2)


class Left:
    def __add__(self, o):
        print("Left.__add__")
        return NotImplemented


class Right:
    def __radd__(self, o):
        print("Right.__radd__")
        return "right wins"


print(Left() + Right())


class Sub(R):
    def __radd__(self, o):
        return "sub radd"


class Base2:
    def __add__(self, o):
        return "base add"


class Sub2(Base2):
    def __radd__(self, o):
        return "sub2 radd"


print(Base2() + Sub2())
