class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, o):
        self.items.append(o)
        return self

    def __add__(self, o):
        a = Acc()
        a.items = self.items + [o, "copy"]
        return a

    def __imul__(self, n):
        self.items = self.items * n
        return self


a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
a *= 2
print(a.items)


class NoIadd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return NoIadd(self.v + o)


x = NoIadd(1)
y = x
x += 5
print(x is y, x.v, y.v)
lst = [1]
alias = lst
lst += [2]
print(alias)
t = (1,)
tt = t
t += (2,)
print(t, tt)


class Falls:
    def __iadd__(self, o):
        return NotImplemented

    def __add__(self, o):
        return "add fallback"


f = Falls()
f += 1
print(f)
