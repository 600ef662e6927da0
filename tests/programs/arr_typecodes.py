# array: every typecode, the constructor, CPython's overflow and type errors per typecode
from array import array
import array as A
print(A.typecodes, A.ArrayType is array, array.__module__, array, type(iter(array('i'))))
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for tc in A.typecodes:
    if tc == 'u': continue
    for v in [2**70, -2**70, 2**64, 2**63, -2**63-1, 2**32, -1, 128, 256, -129, 65536, -32769, 2**31, -2**31-1, 1.5, '1', None]:
        t(lambda: array(tc, [v]))
t(lambda: array('x'))
t(lambda: array(1))
t(lambda: array('ii'))
t(lambda: array('i', 'abc'))
t(lambda: array('u', [1]))
t(lambda: array('u', ['ab']))
t(lambda: array('u', 'abc'))
t(lambda: array('b', b'\x01\xff'))
t(lambda: array('i', b'\x01\xff'))
t(lambda: array('d', array('i', [1,2])))
t(lambda: array('u', array('i', [1,2])))
t(lambda: array('i', array('u', 'ab')))
t(lambda: array('i', range(3)))
t(lambda: array('i', 5))
t(lambda: array('f', [1, 2.5, True]))
t(lambda: array('i', [True]))
t(lambda: array('d', [1e400]))
t(lambda: array('f', [1e300]))
t(lambda: array('d'))
t(lambda: array('i', [1,2], 3))
t(lambda: array(typecode='i'))
t(lambda: array('u', bytearray(b'a\0\0\0')))
