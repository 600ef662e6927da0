lst = [1, 2, 3, 4, 5, 6]
for x in lst:
    if x % 2 == 0:
        lst.remove(x)
print(lst)
lst = [1, 2, 3]
out = []
for x in lst:
    out.append(x)
    if len(lst) < 6:
        lst.append(x * 10)
print(out, lst)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
lst = [3, 1, 2]
it = iter(lst)
next(it)
lst.clear()
print(list(it))
a = [1, 2]
a += (3, 4)
a += "xy"
print(a)
a[len(a):] = range(2)
print(a)
