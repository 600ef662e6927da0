# Base program of tests/gen/robust-code.py: compiled by our pipeline, then
# corrupted in many ways.  Running it prints "ran"; a corrupted copy must
# never get that far.
def add(a, b):
    total = a + b
    if total > 10:
        return total
    return -total


def make(n):
    def inner():
        return n
    return inner


try:
    x = add(3, 4)
except ValueError:
    x = 0
print("ran", x, make(5)(), 2.5, (1, "t"))
