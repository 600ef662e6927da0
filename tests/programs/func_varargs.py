def total(*nums):
    print(type(nums).__name__, len(nums))
    s = 0
    for n in nums:
        s += n
    return s


print(total())
print(total(1))
print(total(1, 2, 3, 4))
args = [5, 6, 7]
print(total(*args))
print(total(0, *args, 100))


def head_tail(first, *rest):
    return first, rest


print(head_tail(1))
print(head_tail(1, 2, 3))
print(head_tail(*"abc"))


def show(*a, sep="-"):
    return sep.join(str(x) for x in a)


print(show(1, 2, 3))
print(show(1, 2, 3, sep="+"))
print(show(*range(5), *range(3)))
