def risky(x):
    if x == 3:
        raise ValueError("three")
    return x


try:
    print([risky(x) for x in range(5)])
except ValueError as e:
    print("list comp:", e)
g = (risky(x) for x in range(5))
print(next(g), next(g), next(g))
try:
    next(g)
except ValueError as e:
    print("genexpr:", e)
print(list(g))
try:
    {x: 1 / x for x in (1, 0)}
except ZeroDivisionError as e:
    print("dict comp:", e)
try:
    (y for y in 5)
except TypeError as e:
    print("TypeError:", e)
try:
    [z for z in undefined_iterable]
except NameError as e:
    print("NameError:", e)
