class A:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented

    def __gt__(self, o):
        print("A.__gt__")
        return self.v > (o.v if isinstance(o, A) else o)

    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented


class B:
    def __init__(self, v):
        self.v = v

    def __gt__(self, o):
        print("B.__gt__")
        return self.v > o.v


print(A(1) < B(2))
print(5 < A(3))
print(A(1) == A(1))
a = A(1)
print(a == a)
print(A(2) > 1)


class SubA(A):
    def __lt__(self, o):
        print("SubA.__lt__")
        return True


print(A(1) > SubA(2))
