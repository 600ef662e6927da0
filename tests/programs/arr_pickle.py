# array: pickling (all protocols), copy, deepcopy and _array_reconstructor
import array, copy, pickle
from array import array as A
for tc in array.typecodes:
    a = A(tc, 'ab' if tc == 'u' else [1, 2, 3])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and b.typecode == a.typecode and b is not a, (tc, proto)
    print(tc, a.__reduce_ex__(2)[1], a.__reduce_ex__(3)[1][1:], copy.copy(a), copy.deepcopy([a])[0] == a)
r = A('i', [1, -2]).__reduce_ex__(4)
print(r[0].__name__, r[0] is array._array_reconstructor, r[1][0] is A, r[2])
print(array._array_reconstructor(A, 'i', 9, b'\x00\x00\x00\x01\xff\xff\xff\xfe'))
print(array._array_reconstructor(A, 'd', 17, b'?\xf8\x00\x00\x00\x00\x00\x00'))
print(array._array_reconstructor(A, 'h', 1, b'\x01\xff'))
print(array._array_reconstructor(A, 'u', 18, b'a\x00b\x00'))
for args in [(int, 'i', 8, b''), (5, 'i', 8, b''), (A, 'x', 8, b''), (A, 'i', 99, b''), (A, 'i', 8, 'str')]:
    try:
        array._array_reconstructor(*args)
    except Exception as e:
        print(type(e).__name__, e)
class Sub(A):
    pass
s = Sub('i', [5])
s.tag = 'x'
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t, t.tag, copy.copy(s))
