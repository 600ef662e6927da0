# array: slicing, extended slice assignment and deletion
from array import array
base = list(range(10))
for sl in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -1), slice(8, 1, -3), slice(-3, None),
           slice(5, 2), slice(1, 9, 4), slice(100, 200), slice(-100, 3)]:
    a = array('i', base)
    print(sl, a[sl])
    b = array('i', base); del b[sl]; print(' del', b)
    n = len(range(10)[sl])
    c = array('i', base); c[sl] = array('i', range(100, 100 + n)); print(' set', c)
d = array('i', base)
d[2:5] = array('i', [1]); print(d)
d[2:3] = array('i', [7, 7, 7, 7]); print(d)
d[:] = d; print(d)
d[::2] = d[1::2]; print(d)
d[len(d):] = array('i', [42]); print(d)
d[0:0] = array('i', [-1, -2]); print(d)
e = array('d', [1.0, 2.0, 3.0]); e[::-1] = e; print(e)
f = array('u', 'abcdef'); f[1:3] = array('u', 'XYZ'); del f[::2]; print(f)
g = array('b', range(6)); del g[1::2]; print(g); g[5:1] = array('b', [9]); print(g)
h = array('i', range(5)); h[-1] = 40; h[0] = -h[-1]; del h[1]; print(h)
