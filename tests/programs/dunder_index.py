class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


lst = list(range(10))
print(lst[I(3)], lst[I(1):I(4)])
print(hex(I(255)), bin(I(5)), oct(I(8)))
print(range(I(4)), list(range(I(2), I(5))))
print("ab" * I(3))


class F:
    def __int__(self):
        return 7

    def __float__(self):
        return 2.5


print(int(F()), float(F()))
try:
    lst[F()]
except TypeError as e:
    print("TypeError:", e)
try:
    lst["x"]
except TypeError as e:
    print("TypeError:", e)
print(round(2.675, 2), round(I(5).v / 2))
