# Fast paths of BINARY_OP / COMPARE_OP / sum() / globals: results that
# cross the shared small-int range, int64 overflow, mixed int and float,
# temporaries reused in place, and module globals stored through a cache.
import sys

a = 250
b = a + 10
c = b - 10
print(c, c is a, (a + 0) is a)
x = 2 ** 62
for i in range(3):
    x = x + x // 2
    print(x, type(x).__name__)
y = -(2 ** 63)
print(y - 1, y * -1, (y + 1) * -1, y // -1, y % 7, -y % 7)
z = 9223372036854775807
print(z + 1, z * 2, z - -1, (z + 1) - 1 == z)
t = 0
for i in range(-300, 300, 7):
    t = t + i * i - i
print(t)
f = 0.5
for i in range(5):
    f = f * 3 + i / 2 - (i - 1.5)
print(f, 1 + 2.5, 2.5 + 1, 7 // 2.0, 7 % -2.5, -7.0 // 2, 3 * True, True + True)
print(1 / 3, 10 / 4, 10 // 4, -10 // 4, -10 % 4, 10 % -4, 2 ** -1, 0.1 + 0.2)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sum(range(100000)), sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([0.1] * 10), sum([1, 2.5, 3]))
print(sum([[1], [2]], []), sum((1, 2), 10), sum([True, True, 3]))
print(sum(i * 1.5 for i in range(10)), sum([z, 1, -1]))
# a temporary float reused, while another name still holds the first value
p = 1.5
q = p * 2
r = (p + 1) * 2
print(p, q, r, p is not q)
l = [1.25, 2.5]
s = l[0] + l[1]
print(l, s)
# comparisons across types and the small-int boundary
vals = [-6, -5, 0, 256, 257, 2 ** 63, -2 ** 63 - 1, 1.5, True]
print([[u < v for v in vals] for u in vals[:4]])
print([u == 256 for u in vals], [u >= 2 ** 63 for u in vals])
# module globals: stored and read through the caches, added and deleted
counter = 0
def bump():
    global counter
    counter = counter + 1
    return counter
for i in range(5):
    bump()
print(counter)
del counter
try:
    bump()
except NameError as e:
    print("NameError:", e)
counter = 10
print(bump(), counter)
g = globals()
g["later"] = 5
print(later)
for i in range(3):
    later = later * 2
print(later, g["later"])
print(len, type(len).__name__)
len = lambda v: 42
print(len([1]))
del len
print(len([1]))
# comparisons feeding conditional jumps directly (fused), and stored
hits = []
for u in (-6, -5, 0, 255, 256, 257, 2 ** 62):
    for v in (-5, 0, 256, 2 ** 62):
        if u < v:
            hits.append("<")
        elif u == v:
            hits.append("=")
        if not u >= v:
            hits.append("!")
        w = u <= v
        hits.append("t" if w else "f")
print("".join(hits))
i, n, k = 0, 10, 0
while i < n:
    if i % 3 == 0 or i > 7:
        k += i
    i += 1
print(i, k, 0 < i <= n, 0 < i < n, [j for j in range(20) if 3 < j < 9 and j != 5])
