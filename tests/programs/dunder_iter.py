class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(5)))
for x in Countdown(3):
    print("tick", x)


class Range2:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __iter__(self):
        i = self.a
        while i < self.b:
            yield i
            i += 1


r = Range2(2, 6)
print(list(r), list(r), sum(r))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
a, b, c = Countdown(3)
print(a, b, c)
print(sorted(Countdown(4)), max(Countdown(4)), 2 in Countdown(3))
