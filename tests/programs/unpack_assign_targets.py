class O:
    pass


o = O()
d = {}
lst = [0, 0, 0]
o.a, d["k"], lst[1] = 1, 2, 3
print(o.a, d, lst)
lst[0], lst[2] = lst[2], lst[0]
print(lst)
a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
arr = [10, 20]
i, arr[i] = 1, 99
print(i, arr)
(m, n), *o.rest = (1, 2), 3, 4
print(m, n, o.rest)
for (k, v), idx in zip({"p": 1}.items(), range(1)):
    print(k, v, idx)
first, second, *_ = "abcdef"
print(first, second)
