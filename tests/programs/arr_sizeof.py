# array: __sizeof__ and sys.getsizeof follow CPython's allocation (growth on append, extend, frombytes, del)
import sys
from array import array
a = array('i')
sizes = []
for i in range(70):
    a.append(i)
    sizes.append(a.__sizeof__())
print(sizes)
b = array('d', range(10)); print(b.__sizeof__())
b.extend(range(30)); print(b.__sizeof__())
del b[5:]; print(b.__sizeof__())
del b[:]; print(b.__sizeof__(), b.buffer_info()[1])
c = array('b'); c.frombytes(b'x' * 100); print(c.__sizeof__())
c.frombytes(b'y'); print(c.__sizeof__())
d = array('u', 'hello'); print(d.__sizeof__(), array('h', b'\0\0' * 3).__sizeof__(), array('q', iter(range(5))).__sizeof__())
e = array('i', [1, 2, 3]) * 4; print(e.__sizeof__(), (e + e).__sizeof__(), e[1:5].__sizeof__())
e *= 3; print(e.__sizeof__()); e *= 0; print(e.__sizeof__())
f = array('i', range(20)); f.pop(); f.pop(); print(f.__sizeof__()); f.remove(0); print(f.__sizeof__())
g = array('i', range(3)); g.insert(0, 9); print(g.__sizeof__()); g.fromlist(list(range(20))); print(g.__sizeof__())
