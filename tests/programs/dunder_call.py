class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(callable(add5), callable(Adder))
print(list(map(add5, [1, 2, 3])))


class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]


@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), len(fib.cache))
five = 5
try:
    five()
except TypeError as e:
    print("TypeError:", e)
s = "s"
try:
    s()
except TypeError as e:
    print("TypeError:", e)
