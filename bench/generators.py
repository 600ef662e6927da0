# generators
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


print(sum(squares(count(1500000))))
print(sum(x for x in range(1000000) if x & 1))
