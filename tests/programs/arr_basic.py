# array: methods, repr, iteration, comparisons, operators, sizeof
import array
from array import array as A
a = A('i', [3, 1, 2])
print(a, repr(A('d')), A('u', 'abc'), str(A('f', [0.5])), len(a), a.typecode, a.itemsize)
a.append(7); a.extend([8, 9]); a.extend(A('i', [10])); a.insert(0, -1); a.insert(100, 11); a.insert(-100, -2)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(8); print(a, a.index(1), a.index(2, 1), a.index(7, -3, -1), a.count(1), 1 in a, 99 in a)
a.reverse(); print(a, a.tolist(), list(a), [x * 2 for x in a])
b = A('h', [1, 256]); b.byteswap(); print(b, b.tobytes())
c = A('B'); c.frombytes(b'xyz'); c.fromlist([1, 2]); print(c, c.buffer_info()[1])
u = A('u'); u.fromunicode('hé€'); print(u, u.tounicode(), u.tolist(), len(u), u.itemsize)
print(a + A('i', [0]), a * 2, 2 * A('b', [1, 2]), A('d', [1.5]) * 0)
x = A('q', [1]); y = x; x += A('q', [2]); x *= 2; print(x, y is x)
print(A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1, 2]) < A('i', [1, 3]), A('i', [1, 2]) < A('i', [1, 2, 0]),
      A('b', [5]) > A('H', [4, 9]), A('i') == A('u'), A('u', 'ab') <= A('u', 'ab'), A('i', [1]) != A('i', [1]),
      A('d', [float('nan')]) == A('d', [float('nan')]))
it = iter(A('i', [1, 2])); print(next(it), next(it), next(it, 'done'), type(it).__name__)
print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__, type(a))
print(A('i').__sizeof__(), A('i', [1, 2, 3]).__sizeof__(), A('b', range(100)).__sizeof__())
g = A('i')
for i in range(20):
    g.append(i)
print(g.__sizeof__(), g[::5], bool(A('i')), bool(g), A('d', (1, 2)), A('f', iter([1, 2])))
class Sub(A):
    pass
s = Sub('i', [1, 2])
print(s, type(s).__name__, isinstance(s, A), s + s, type(s[0:1]).__name__)
s.attr = 5; print(s.attr)
print(A('L', [2**64 - 1]), A('Q', [2**64 - 1]), A('l', [-2**63]), A('q', [2**63 - 1]), A('f', [0.1]), A('d', [0.1]))
print(sorted(A('i', [3, 1, 2])), sum(A('d', [0.5, 0.25])), max(A('b', [-1, 5])), A('i', [4, 5])[-1])
print(hasattr(a, '__hash__'), A.__hash__)
