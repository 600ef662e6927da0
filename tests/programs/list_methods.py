a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
a.insert(-1, 99)
a.insert(100, 7)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.index(5, 4), a.count(5))
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b, len(a))
c = [1, 2] * 3
print(c, c + [0], [[0] * 2] * 2)
del c[1]
del c[::2]
print(c)
c[1:1] = [8, 8]
c[0:2] = []
print(c)
c[:] = "xyz"
print(c)
m = [[1], [2]]
n = m[:]
n[0].append(9)
print(m, m == n, m is n)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] == [])
try:
    [].index(0)
except ValueError as e:
    print("ValueError:", e)
