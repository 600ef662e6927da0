# array.array and the buffer protocol: memoryview, bytes(), struct, resize while exported
from array import array
import struct, io

a = array('i', [1, 2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.readonly, m.shape, m.strides, len(m))
print(m[0], m[-1], m.tolist(), m[1:3].tolist())
m[0] = 100
print(a)
m[1:3] = array('i', [20, 30])
print(a, m == a, m == array('i', [0]))
for call in (lambda: a.append(5), lambda: a.pop(), lambda: a.extend([1]),
             lambda: a.frombytes(b'\0\0\0\0'), lambda: a.__delitem__(0), lambda: a.insert(0, 1),
             lambda: a.remove(100), lambda: a.__iadd__(array('i', [9])), lambda: a.__imul__(2),
             lambda: a.fromlist([7]), lambda: a.fromunicode if False else a.__setitem__(slice(0, 1), array('i'))):
    try:
        call()
    except BufferError as e:
        print('BufferError', e)
a.__imul__(1)
a[0] = 7
print(a)
m.release()
a.append(5)
print(a, bytes(a)[:8])
with memoryview(a) as m2:
    print(m2.cast('B')[:4].tolist())
a.append(6)
print(len(a), a.tobytes() == bytes(a))
print(bytes(array('h', [1, -1])), bytearray(array('B', [65, 66])), b'x' + array('b', [1]))
print(bytearray(b'\x01') == array('b', [1]), b'\x01' == array('b', [1]))
b = array('b', bytes(8))
struct.pack_into('<hi', b, 1, 258, -1)
print(b)
print(struct.unpack_from('<hi', b, 1), struct.unpack('4h', array('h', [1, 2, 3, 4])))
f = io.BytesIO()
array('h', [1, 2, 3]).tofile(f)
print(f.getvalue())
f.seek(0)
c = array('h')
c.fromfile(f, 2)
print(c)
try:
    c.fromfile(f, 5)
except EOFError as e:
    print('EOFError', e, c)
u = array('u', 'héllo')
mu = memoryview(u)
print(mu.format, mu.itemsize, mu.nbytes)
d = array('d', [1.5, -2.25])
print(memoryview(d).tolist(), memoryview(d).format)
print(array('f', memoryview(bytes(array('f', [0.5, 2.0])))))
print(array('B', b'abc').tobytes().decode())
