def f(a, *, key, reverse=False):
    return sorted(a, key=key, reverse=reverse)


print(f([3, -1, 2], key=abs))
print(f([3, -1, 2], key=abs, reverse=True))


def g(*, x, y=5):
    return x * y


print(g(x=2))
print(g(y=3, x=2))
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    f([1], abs)
except TypeError as e:
    print("TypeError:", e)
try:
    g(x=1, z=2)
except TypeError as e:
    print("TypeError:", e)
print(g.__kwdefaults__)
