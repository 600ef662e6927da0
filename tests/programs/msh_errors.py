# marshal: errors of loads on truncated and bad data, and of dumps
import marshal
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for d in [b'', b'i\x01', b'q', b'(\x02\x00\x00\x00N', b'r\x05\x00\x00\x00', b'0', b'[\x01\x00\x00\x000', b'(\xff\xff\xff\xffN',
          b'f', b'f\x05ab', b'f\x03abc', b'l\x01\x00\x00\x00\x00\x80', b'l\x01\x00\x00\x00\x00\x00', b'l\x00\x00\x00\x00', b'l\x02\x00\x00\x00\x01\x00\x00\x00',
          b'u\x02\x00\x00\x00\xff\xfe', b'{N', b'{NN0', b'{0', b'<\x01\x00\x00\x000', b'c', b'I\x01\x00\x00\x00\x00\x00\x00\x00', b'NNN', b'\xa9\x01r\x00\x00\x00\x00', b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00',
          b's\xff\xff\xff\xff', b'z\x03ab', b'?', b'y\x00', b'x\x01a\x011', b'g\x00\x00', b'(\x01\x00\x00\x000']:
    t(lambda: marshal.loads(d))
t(lambda: marshal.dumps(object())); t(lambda: marshal.dumps([1, object()])); t(lambda: marshal.dumps(1, 5)); t(lambda: marshal.dumps(1, -1))
t(lambda: marshal.dumps()); t(lambda: marshal.dumps(1, 2, 3)); t(lambda: marshal.dumps(1, version=2)); t(lambda: marshal.loads('abc'))
t(lambda: marshal.dumps(type('I', (int,), {})(3)))
t(lambda: marshal.dumps('\ud800')); t(lambda: marshal.loads(marshal.dumps('\ud800')))
l = []; l.append(l)
x = []
for i in range(3000): x = [x]
t(lambda: len(marshal.dumps(x)))
y = []
for i in range(1999): y = [y]
t(lambda: len(marshal.dumps(y)))
t(lambda: marshal.loads(b'('))
t(lambda: marshal.dump(1))
t(lambda: marshal.load())
t(lambda: marshal.loads(b'\xfa\x02ab\xfa\x02abr\x05\x00\x00\x00'))
for d in [b'(\xff\xff\xff\x7fN', b'[\xff\xff\xff\x7fN', b'<\xff\xff\xff\x7fN', b'l\xff\xff\xff\x7f\x01\x00', b'l\xff\xff\xff\xff\x01\x00', b'l\x03\x00\x00\x00\x01\x00\x02\x00\x03\x00', b'l\xfd\xff\xff\xff\x01\x00\x02\x00\x03\x00']:
    try: print(marshal.loads(d))
    except Exception as e: print(type(e).__name__, e)
print(marshal.loads(marshal.dumps(10**5000)) == 10**5000, marshal.loads(marshal.dumps(-7**3000)) == -7**3000)
