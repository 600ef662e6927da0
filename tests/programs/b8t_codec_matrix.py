# Every built-in error handler against utf-8, ascii, latin-1, utf-16 and
# utf-32, encoding and decoding, over inputs with every kind of error.
handlers = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
            'namereplace', 'surrogateescape', 'surrogatepass']
encs = ['utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-16-be', 'utf-32-le']
texts = ['plain', 'caf\xe9', '\u20ac\U0001F600', 'a\udcff\udc80b', 'x\ud800\udc00y', '\x7f\x80\xff\u0100']
blobs = [b'plain', b'caf\xc3\xa9', b'\xff\xfe', b'a\x80b', b'\xed\xa0\x80', b'\xe2\x82', b'\xf0\x9f\x98',
         b'\xc0\xaf', b'\xf4\x90\x80\x80', b'a\x00b', b'\x00\xd8\x00\xdc', b'\x00\xdc\x00\x00']
for enc in encs:
    print('==', enc)
    for h in handlers:
        out = []
        for t in texts:
            try:
                out.append(t.encode(enc, h).hex())
            except UnicodeEncodeError as e:
                out.append('E%d-%d' % (e.start, e.end))
            except Exception as e:
                out.append(type(e).__name__)
        print('enc', h, ' '.join(out))
        out = []
        for b in blobs:
            try:
                out.append(ascii(b.decode(enc, h)))
            except UnicodeDecodeError as e:
                out.append('E%d-%d:%s' % (e.start, e.end, e.reason))
            except Exception as e:
                out.append(type(e).__name__)
        print('dec', h, ' '.join(out))
# round trips
for enc in ('utf-8', 'ascii', 'latin-1'):
    for b in blobs:
        s = b.decode(enc, 'surrogateescape')
        assert s.encode(enc, 'surrogateescape') == b, (enc, b)
print(ascii('\ud800\udfff'.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass')))
print(ascii('\ud83d\ude00'.encode('utf-16-le', 'surrogatepass').decode('utf-16-le')))
print(bytes(range(256)).decode('latin-1').encode('latin-1') == bytes(range(256)))
print(str(b'\xff', 'utf-8', 'replace'), str(b'\xff', errors='backslashreplace'), bytes('\xff', 'ascii', 'xmlcharrefreplace'))
