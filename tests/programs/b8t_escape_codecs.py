# The unicode_escape codec (str.encode, bytes.decode, codecs) with its error
# ranges and handlers, and codecs.escape_encode/escape_decode for bytes.
import codecs
texts = ['plain', 'a\\b', 'tab\there\nnew\rret', '\x00\x07\x1f\x7f\x80\xff', 'caf\xe9 \u20ac \U0001F600',
         "quote ' and \"", '\ud800 lone']
for t in texts:
    b = t.encode('unicode_escape')
    print(b, b.decode('unicode_escape') == t)
blobs = [b'\\n\\t\\\\\\\'\\"\\a\\b\\f\\v', b'\\x41\\x4a', b'\\u20ac\\U0001f600', b"\\101\\7\\0\\377",
         b'\\N{EURO SIGN}\\N{latin small letter a}', b'line\\\ncontinued', b'\xe9\xff raw latin-1',
         b'ab\\', b'\\x4', b'\\x4g', b'\\u12', b'\\U0011ffff', b'\\U001', b'\\N{nope}x', b'\\Nx', b'\\N{abc',
         b'\\N{}', b'ok\\x41\\xzz']
for b in blobs:
    for h in ('strict', 'replace', 'ignore', 'backslashreplace'):
        try:
            print(h, repr(b.decode('unicode_escape', h)))
        except UnicodeDecodeError as e:
            print(h, 'E', e.start, e.end, e.reason, '|', e)
print(codecs.unicode_escape_encode('\xe9\n'), codecs.unicode_escape_decode(b'\\x41\\n'))
print(codecs.decode(b'\\u00e9', 'unicode_escape'), codecs.encode('\xe9', 'unicode-escape'))
print(codecs.escape_encode(b"\xe9\n\\'\"\x00 ok"), codecs.escape_decode(b'\\x41\\n\\101\\\n!'))
print(codecs.escape_decode('str \\x41'), codecs.escape_decode(bytearray(b'\\t')))
for bad in [b'\\x4', b'trail\\', b'\\xzz']:
    for h in (None, 'replace', 'ignore'):
        try:
            print(codecs.escape_decode(bad, h))
        except ValueError as e:
            print('ValueError', e)
