# array: error messages of indexing, slicing, methods and resizing while exported
from array import array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
a = array('i', [1, 2, 3])
t(lambda: a[5]); t(lambda: a['x']); t(lambda: a[1.5])
def s(k, v):
    b = array('i', [1, 2, 3, 4])
    b[k] = v
    return b
def d(k):
    b = array('i', [1, 2, 3, 4])
    del b[k]
    return b
t(lambda: s(9, 1)); t(lambda: s('x', 1)); t(lambda: s(0, 'x'))
t(lambda: s(slice(0, 2), [1])); t(lambda: s(slice(0, 2), array('d', [1])))
t(lambda: s(slice(0, 4, 2), array('i', [7]))); t(lambda: s(slice(0, 4, 2), array('i', [7, 8])))
t(lambda: s(slice(None, None, -1), array('i', [7, 8, 9, 10])))
t(lambda: s(slice(1, 3), array('i', [7, 8, 9, 10])))
t(lambda: s(slice(1, 1), array('i', [7])))
t(lambda: d(9)); t(lambda: d(slice(0, 4, 2))); t(lambda: d(slice(None, None, -1))); t(lambda: d('x'))
t(lambda: a + [1]); t(lambda: a + array('d')); t(lambda: a * 'x'); t(lambda: 'x' * a); t(lambda: a * 2.0)
t(lambda: 2 * a); t(lambda: a * -1)
t(lambda: array('i').pop()); t(lambda: a.pop(7)); t(lambda: a.remove(9)); t(lambda: a.index(9))
t(lambda: a.index(1, 1)); t(lambda: a.index(3, -1)); t(lambda: a.index(2, 0, 1))
t(lambda: array('i').extend(array('d'))); t(lambda: array('i').extend(5)); t(lambda: array('i').extend([1, 'x']))
t(lambda: array('i').frombytes('ab')); t(lambda: array('i').frombytes(b'abc'))
t(lambda: array('i').fromunicode('ab')); t(lambda: array('i').tounicode()); t(lambda: array('u').fromunicode(b'ab'))
t(lambda: array('i').fromlist((1,))); t(lambda: array('i').fromlist([1, 'x']))
t(lambda: array('i').fromfile(5, 1)); t(lambda: array('i').tofile(5))
t(lambda: array('i').fromfile(open(__file__, 'rb'), -1))
t(lambda: a.append('x')); t(lambda: a.insert('x', 1)); t(lambda: a.count())
t(lambda: a < 3); t(lambda: a == 3); t(lambda: hash(a)); t(lambda: a.typecode); t(lambda: a.itemsize)
t(lambda: array('u', 'ab') + array('u', 'c')); t(lambda: array('u', 'ab').tolist())
t(lambda: array('u', 'ab')[0]); t(lambda: array('u', 'ab').__setitem__(0, 'xy'))
t(lambda: array('u', 'ab').byteswap()); t(lambda: array('i', [1]).byteswap())
t(lambda: array('q', [1]).byteswap()); t(lambda: array('d', [1]).byteswap()); t(lambda: array('h', [1]).byteswap())
t(lambda: array.__new__(5)); t(lambda: array.__new__(int, 'i'))
t(lambda: a.__iadd__([1]))
b = array('i', [1]); m = memoryview(b)
t(lambda: b.append(2)); t(lambda: b.extend([1])); t(lambda: b.pop()); t(lambda: b.frombytes(b'abcd')); t(lambda: b.__imul__(2))
t(lambda: b.__iadd__(array('i', [5]))); t(lambda: b.__delitem__(0)); t(lambda: b.__setitem__(slice(0, 1), array('i')))
t(lambda: b.remove(1)); t(lambda: b.insert(0, 1)); t(lambda: b.__imul__(1)); t(lambda: b.fromlist([]))
t(lambda: b.__setitem__(0, 9)); t(lambda: m[0]); t(lambda: m.format); t(lambda: m.itemsize); t(lambda: m.tolist())
m.release(); t(lambda: b.append(2)); t(lambda: b)
