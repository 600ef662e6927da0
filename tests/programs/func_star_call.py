def f(a, b, c, d=0, e=0):
    return (a, b, c, d, e)


print(f(*[1, 2, 3]))
print(f(*(1, 2), 3))
print(f(1, *[2, 3], e=9))
print(f(*[1], *[2], *[3, 4]))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, 2, **{"c": 3, "e": 5}))
print(f(*range(3), **dict(d=4)))
print(f(*"xyz"))
try:
    f(1, 2, 3, **{"a": 9})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*[1, 2], **{"c": 3}, c=4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
