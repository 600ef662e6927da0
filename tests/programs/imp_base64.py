# binascii and the stdlib base64 module built on it.
import base64
import binascii

print(binascii.hexlify(b'\x00\x01\xfe\xff'), binascii.b2a_hex(bytearray(b'AZ')))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2))
print(binascii.unhexlify(b'00ff7F'), binascii.a2b_hex('DEADbeef'))
print(binascii.b2a_base64(b''), binascii.b2a_base64(b'a'), binascii.b2a_base64(b'ab'))
print(binascii.b2a_base64(b'abc', newline=False), binascii.b2a_base64(bytes(range(250, 256))))
print(binascii.crc32(b''), binascii.crc32(b'hello world'), binascii.crc32(b' world', binascii.crc32(b'hello')))
print(binascii.crc32(b'abc', -1), binascii.crc_hqx(b'hello world', 0), binascii.crc_hqx(b'abc', 0xffff))
print(binascii.Error.__mro__[1].__name__, binascii.Incomplete.__mro__[1].__name__, binascii.Error.__module__)

for a in [b'QQ', b'QQ=', b'QQ==', b'QQ==x', b'Q', b'QUJD\nREVG', b'QU=JD', b'=QUJD',
          b'QUJDR', b'QUJD!', b'QQ===', b'QUI=', 'QUJD', '', b'====']:
    for s in (False, True):
        try:
            print(a, s, binascii.a2b_base64(a, strict_mode=s))
        except binascii.Error as e:
            print(a, s, 'Error', e)

for f, arg in [(binascii.unhexlify, b'abc'), (binascii.unhexlify, b'zz'),
               (binascii.unhexlify, 'é0'), (binascii.hexlify, 'ab'),
               (binascii.a2b_base64, 5), (binascii.b2a_base64, 'x')]:
    try:
        print(f(arg))
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
try:
    binascii.hexlify(b'ab', '--')
except ValueError as e:
    print('ValueError', e)

data = bytes(range(256)) + b'The quick brown fox'
for enc, dec in [(base64.b64encode, base64.b64decode),
                 (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.standard_b64encode, base64.standard_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                 (base64.b16encode, base64.b16decode), (base64.b85encode, base64.b85decode),
                 (base64.a85encode, base64.a85decode)]:
    e = enc(data[240:])
    print(enc.__name__, e, dec(e) == data[240:])
print(base64.b64encode(b'\xfb\xff\xfe', altchars=b'-_'), base64.b64decode('-_-_', altchars='-_'))
print(base64.encodebytes(data[:100]))
print(base64.decodebytes(base64.encodebytes(data)) == data)
print(base64.b64decode(b'aGVsbG8=\n'), base64.b32decode('nbswy3dp', casefold=True))
print(base64.b16decode('68656c6c6f', casefold=True))
for bad in [lambda: base64.b64decode('aGVsbG8', validate=True),
            lambda: base64.b64decode('aGV$sbG8=', validate=True),
            lambda: base64.b32decode('NBSWY3D'), lambda: base64.b16decode('6g')]:
    try:
        print(bad())
    except binascii.Error as e:
        print('Error', e)
