data = [1, 5, 12, 7, 30, 2]
print([y for x in data if (y := x * 2) > 10], y)
print({(k := x % 3): x for x in data}, k)
if (n := len(data)) > 3:
    print("long", n)
while (item := data.pop()) != 12:
    print("popped", item)
print(data, item)
total = 0
print([total := total + x for x in range(5)], total)
def f():
    [last := i for i in range(3)]
    return last
print(f())
print((lambda: (z := 9) + z)())

a, *b, c = range(6)
print(a, b, c)
*init, tail = "hello"
print(init, tail)
(p, q), *r = [(1, 2), 3, 4]
print(p, q, r)
first, *_ = [9]
print(first, _)
print(*[1, 2], *(3,), *{4: 0}, *"56", sep="|")
print([*range(3), *"ab"], (*[1], 2), {*[1, 1], 2}, {**{"a": 1}, "b": 2, **{"a": 3}})
def g(*args, **kwargs):
    return args, kwargs
print(g(*[1, 2], 3, *(4,), x=1, **{"y": 2}, **{"z": 3}))
try:
    g(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
for i, (x, *ys) in enumerate([(1, 2, 3), (4,)]):
    print(i, x, ys)
matrix = [[1, 2], [3, 4]]
print([*zip(*matrix)], list(map(sum, zip(*matrix))))
x = y2 = z2 = [0]
x[0] = 1
print(y2, z2)
t = 1, 2
t2 = *t, 3
print(t2, (*t,))
d = dict(a=1)
print({**d, **dict(b=2)}, [*d.items()])
