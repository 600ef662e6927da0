# marshal: loads(dumps(v)) for every version, dump/load through files, shared references
import marshal, io
vals = [None, True, False, ..., StopIteration, 0, -7, 2**31, -2**200, 1.25, -0.0, float('inf'), 3+4j, 'text',
        'ünï€ode', '\ud800x', b'\x00\xff', (1, (2, 3)), [1, [2, [3]]], {'a': 1, 2: (3,)}, {1, 2, 3},
        frozenset({'f'}), 'a' * 1000, list(range(300)), tuple('abc'), {'nested': [{'x': (1.5, b'y')}]}]
for ver in range(5):
    for v in vals:
        w = marshal.loads(marshal.dumps(v, ver))
        assert w == v or (v != v), (ver, v)
        assert type(w) is type(v), (ver, v)
    print('version', ver, 'ok')
l = [1, 2]
pair = marshal.loads(marshal.dumps([l, l]))
print(pair, pair[0] is pair[1], marshal.loads(marshal.dumps([l, l], 2))[0] is marshal.loads(marshal.dumps([l, l], 2))[1])
rec = []
rec.append(rec)
r = marshal.loads(marshal.dumps(rec))
print(r, r[0] is r)
f = io.BytesIO()
marshal.dump({'a': 1}, f)
marshal.dump([1.5], f, 2)
marshal.dump('end', f, 0)
f.seek(0)
print(marshal.load(f), marshal.load(f), marshal.load(f))
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)
print(marshal.loads(bytearray(b'i\x05\x00\x00\x00')), marshal.loads(memoryview(b'N')), marshal.loads(b'i\x01\x00\x00\x00extra'))
print(marshal.loads(b'I\x01\x00\x00\x00\x00\x00\x00\x80'), marshal.loads(b'l\x02\x00\x00\x00\x01\x00\x01\x00'))
print(marshal.loads(b'f\x031.5'), marshal.loads(b'x\x010\x031.5'), marshal.loads(b'\xa9\x01r\x00\x00\x00\x00'))
print(marshal.loads(b'\xdb\x02\x00\x00\x00\xda\x01ar\x01\x00\x00\x00'), marshal.loads(b'{NN0'))
from array import array
print(marshal.dumps(array('b', [1, 2])), marshal.loads(array('b', [0x4e])))
print(ascii(marshal.loads(b'z\x02\xe9a')), ascii(marshal.loads(b'Z\x01\xff')), ascii(marshal.loads(b'a\x01\x00\x00\x00\x80')))
try:
    marshal.loads(b'u\x02\x00\x00\x00\xc3(')
except Exception as e:
    print(type(e).__name__, e)
print(ascii(marshal.loads(b'u\x03\x00\x00\x00\xed\xb0\x80')), marshal.loads(b'S') is StopIteration, marshal.loads(b'.'))
