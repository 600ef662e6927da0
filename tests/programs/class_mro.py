class O:
    def who(self):
        return ["O"]


class A(O):
    def who(self):
        return ["A"] + super().who()


class B(O):
    def who(self):
        return ["B"] + super().who()


class C(O):
    def who(self):
        return ["C"] + super().who()


class D(A, B):
    def who(self):
        return ["D"] + super().who()


class E(B, C):
    def who(self):
        return ["E"] + super().who()


class F(D, E):
    def who(self):
        return ["F"] + super().who()


print([k.__name__ for k in F.__mro__])
print(F().who())
print([k.__name__ for k in F.mro()])
try:
    class Bad(A, O, B):
        pass
    print([k.__name__ for k in Bad.__mro__])
except TypeError as e:
    print("TypeError:", e)
try:
    class X(O, A):
        pass
except TypeError as e:
    print("TypeError:", e)
