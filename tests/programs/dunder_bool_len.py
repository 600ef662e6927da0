class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool", self.v)
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 5


print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)), len(L(7)))
print(bool(Both()), len(Both()))
print("yes" if L(2) else "no")
print(not L(0))
print(B(False) or "fallback")
print(B(True) and "second")
print(bool(object()))


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
for v in (0, 1, "", "a", [], [0], {}, None, 0.0, (), range(0)):
    print(repr(v), bool(v))
