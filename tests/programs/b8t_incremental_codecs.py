# Incremental decoding and encoding (codecs.getincrementaldecoder,
# iterdecode): the stateless functions hold back an incomplete sequence at
# the end of a chunk unless final is true; UTF-16/32 with byte order marks.
import codecs
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'a\xe2\x82')), repr(d.decode(b'\xac')), repr(d.decode(b'\xf0\x9f', final=False)), repr(d.decode(b'\x98\x80b', final=True)))
try:
    print(repr(d.decode(b'\xe2\x41')))
except UnicodeDecodeError as e:
    print('E', e)
d = codecs.getincrementaldecoder('utf-8')()
try:
    print(repr(d.decode(b'x\xe2', final=True)))
except UnicodeDecodeError as e:
    print('E', e)
print(codecs.utf_8_decode(b'ab\xc3', 'strict', False), codecs.utf_8_decode(b'ab\xc3\xa9', 'strict', False))
for enc in ('utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be', 'latin-1', 'ascii'):
    data = 'a\u20ac\U0001F600z'.encode(enc, 'replace')
    d = codecs.getincrementaldecoder(enc)()
    print(enc, repr(''.join(d.decode(data[i:i + 1]) for i in range(len(data))) + d.decode(b'', final=True)))
d = codecs.getincrementaldecoder('utf-8-sig')()
print(repr(''.join(d.decode(bytes([b])) for b in '\ufeffhé'.encode('utf-8'))))
e = codecs.getincrementalencoder('utf-8')()
print(e.encode('é'), e.encode('x', final=True))
print(list(codecs.iterdecode([b'\xe2', b'\x82', b'\xac!'], 'utf-8')), list(codecs.iterencode(['a', 'é'], 'latin-1')))
for enc in ('utf-16', 'utf-32'):
    for data in ('hé\U0001F600'.encode(enc), 'x'.encode(enc[:6] + '-be')):
        d = codecs.getincrementaldecoder(enc)()
        try:
            print(enc, repr(''.join(d.decode(data[i:i + 1]) for i in range(len(data))) + d.decode(b'', True)))
        except UnicodeError as e:
            print(enc, type(e).__name__, e)
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a\x00', 'strict', 0, False), codecs.utf_16_ex_decode(b'a\x00'))
print(codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a', 'strict', 0, True), codecs.utf_16_ex_decode(b'\xff', 'strict', 0, False))
print(codecs.utf_8_decode(b'\xe2\x82'), codecs.utf_8_decode(b'\xf0\x9f\x98'), codecs.utf_16_le_decode(b'a\x00\x3d\xd8'))
for bad in [lambda: codecs.utf_8_decode(b'\xe2\x82', 'strict', True), lambda: codecs.utf_8_encode(b'x'),
            lambda: codecs.utf_8_decode('x'), lambda: codecs.latin_1_decode(b'x', 5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(codecs.utf_8_encode('é'), codecs.latin_1_encode('é', 'strict'), codecs.ascii_encode('é', 'replace'), codecs.unicode_escape_decode(b'\\u00e9'))
