it = iter([10, 20])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)


class Fn:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n


print(list(iter(Fn(), 4)))
d = {"a": 1}
di = iter(d)
print(next(di), type(di).__name__)
si = iter("xy")
print(type(si).__name__, list(si))
ri = iter(range(3))
print(type(ri).__name__, list(ri))
print(list(iter((1, 2))))
m = map(abs, [-1, -2])
print(iter(m) is m, list(m), list(m))
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
