a = 86400 * 7
b = -1
c = not True
d = (1, 2, 3)
e = [1, 2, 3]
f = {1, 2, 3}
g = {'a': 1, 'b': 2}
h = x in [1, 2]
i = a < b < c
j = a and b or c
k = a if b else c
l = [a, b, *e]
m = lst[1:2]
lst[0] = 5
del lst[0]
n = obj.attr.other
obj.attr = 3
o = f"{a!r:>{b}} and {c}"
p = 2 ** 10 + 7 // 2 - 7 % 3
q = "ab" * 3
r = 1 / 4
s = ~5
t = not x is y
u = (yield_ := 5)
lst.append(a)
print(a, b, sep='')
v = {**g, 'c': 3}
w = print(*e, **g)
x1, y1 = y1, x1
x2, *y2 = e
obj.count += 1
lst[a] *= 2
