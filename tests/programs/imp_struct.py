# _struct through the stdlib struct module: formats, sizes, errors.
import struct

for fmt in ['b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N',
            'e', 'f', 'd', 'P', 'c', 'x', '5s', '5p', 'bi', 'ci', 'bq', 'hd',
            '<bi', '>bq', '=hd', '!iq', '3x2h', '0i', 'i0q', 'b 2h']:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack('<hHiIqQ', -2, 65535, -123456, 4000000000, -2**63, 2**64 - 1))
print(struct.pack('>hHiIqQ', -2, 65535, -123456, 4000000000, -2**63, 2**64 - 1))
print(struct.pack('!l', 7), struct.pack('<L', 7), struct.pack('@bi', 1, 2))
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -2, 65535, -123456, 4000000000, 5, 6)))
print(struct.pack('<?c5s5p3x', [], b'z', b'ab', b'abcdefg'))
print(struct.unpack('<?c5s5p3x', b'\x02zab\x00\x00\x00\x04abcd\x00\x00\x00'))
for x in [0.0, -0.0, 1.5, -2.25, 1e-5, 65504.0, 3.0e38, 1e300, 5e-324, float('inf')]:
    e = struct.pack('<e', x) if abs(x) < 65520 else None
    f = struct.pack('>f', x) if abs(x) < 3.5e38 else None
    d = struct.pack('<d', x)
    print(x, e, f, d)
    if e is not None:
        print(' e->', struct.unpack('<e', e)[0])
    if f is not None:
        print(' f->', struct.unpack('>f', f)[0])
    print(' d->', struct.unpack('<d', d)[0])
print(struct.unpack('<e', b'\x01\x04'), struct.unpack('<e', b'\x00\x02'), struct.unpack('<e', b'\x00\x7c'), struct.unpack('>f', b'\x7f\xc0\x00\x00'))
print(struct.pack('<d', 3), struct.pack('<f', 1/3), struct.unpack('<f', struct.pack('<f', 1/3)))

s = struct.Struct('<ih')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'))
buf = bytearray(10)
s.pack_into(buf, 2, 7, 8)
struct.pack_into('<b', buf, -1, -1)
print(buf, s.unpack_from(buf, 2), struct.unpack_from('<b', buf, -1))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
print(list(s.iter_unpack(bytes(12))))
print(struct.unpack(b'<i', memoryview(b'abcd')) if False else struct.unpack(b'<i', b'abcd'))

bad = [
    ('pack', '<b', 200), ('pack', '<B', -1), ('pack', '<B', 256), ('pack', '<h', 40000),
    ('pack', '<H', -5), ('pack', '<i', 2**31), ('pack', '<I', -1), ('pack', '<I', 2**32),
    ('pack', '<l', 2**31), ('pack', '@l', 2**63), ('pack', '<q', 2**63), ('pack', '<Q', -1),
    ('pack', '<b', 2**70), ('pack', '<i', 1.0), ('pack', '<i', '1'), ('pack', '<c', 1),
    ('pack', '<c', b'ab'), ('pack', '<s', 1), ('pack', '<f', 1e300), ('pack', '<e', 1e10),
    ('pack', '<d', 'x'), ('pack', '<i'), ('pack', '<i', 1, 2), ('calcsize', '<z'),
    ('calcsize', '3'), ('calcsize', 'i3'), ('calcsize', '<n'), ('unpack', '<i', b'abc'),
    ('unpack_from', '<i', b'abc', 1), ('unpack_from', '<i', b'abcabc', -1),
    ('pack_into', '<i', bytearray(3), 0, 1), ('iter_unpack', '<i', b'abcab'),
    ('unpack', '<i', 'abcd'), ('unpack', '<i', 5), ('iter_unpack', '', b''),
]
for name, *args in bad:
    try:
        r = getattr(struct, name)(*args)
        print(name, args, 'ok', r)
    except (struct.error, OverflowError, TypeError) as e:
        print(name, args, type(e).__name__, e)
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))

class Idx:
    def __index__(self):
        return 42
print(struct.pack('<i', Idx()), struct.pack('<d', 2), struct.pack('<?', 'x'))
