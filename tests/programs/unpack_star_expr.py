a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b} == {1, 2, 3, 4})
print({**{"x": 1}, **{"y": 2}, "x": 3})
print([*range(3), *"ab", *{7: 0}])
print(*a, *b, sep="-")
t = *a, 9
print(t)
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2})
print(d1 | d2, d2 | d1)
d1 |= {"z": 0}
print(d1)
print(max(*a, *b), min(*[5, 3], 4))
nested = [[1, 2], [3]]
print([*nested[0], *nested[1]])
x, *ys = *a, *b
print(x, ys)
for first, *others in [(1, 2, 3), (4,)]:
    print(first, others)
