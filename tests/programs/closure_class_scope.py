x = "global"


class C:
    x = "class"
    y = x + "!"

    def meth(self):
        return x

    vals = [x for _ in range(2)]


print(C.y)
print(C().meth())
print(C.vals)


def f():
    x = "func"

    class D:
        z = x

        def m(self):
            return x
    return D


D = f()
print(D.z, D().m())
