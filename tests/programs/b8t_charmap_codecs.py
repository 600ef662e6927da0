# The 8-bit codecs of the encodings package (charmap tables) through
# str.encode, bytes.decode and codecs, with every error handler, and the
# _codecs.charmap_* functions they are built on.
import codecs
text = 'Grüße, €5 — «ok» Ω ñ \u0100'
for enc in ('cp1252', 'cp437', 'iso8859-15', 'iso8859-7', 'koi8-r', 'mac-roman', 'cp850', 'latin9'):
    for h in ('strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace', 'namereplace'):
        try:
            b = text.encode(enc, h)
        except UnicodeEncodeError as e:
            print(enc, h, 'E', e.encoding, e.start, e.end, e.reason)
        else:
            print(enc, h, b)
    data = bytes(range(0x80, 0x100))
    for h in ('strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape'):
        try:
            s = data.decode(enc, h)
        except UnicodeDecodeError as e:
            print(enc, h, 'E', e.encoding, e.start, e.end, e.reason)
        else:
            print(enc, h, ascii(s))
print(codecs.lookup('cp1252').name, codecs.lookup('latin9').name, codecs.lookup('IBM437').name)
print(codecs.encode('€', 'cp1252'), codecs.decode(b'\x80', 'cp1252'), str(b'\x9b', 'cp437'), bytes('Ω', 'cp437'))
table = 'abc\ufffe' + ''.join(chr(0x400 + i) for i in range(252))
print(codecs.charmap_decode(b'\x00\x01\x02\x03\x04', 'replace', table))
try:
    codecs.charmap_decode(b'\x03', 'strict', table)
except UnicodeDecodeError as e:
    print('E', e)
m = codecs.charmap_build(table)
print(codecs.charmap_encode('abc\u0400\u04fb', 'strict', m))
try:
    codecs.charmap_encode('az', 'strict', m)
except UnicodeEncodeError as e:
    print('E', e)
print(codecs.charmap_encode('az', 'ignore', m), codecs.charmap_decode(b'\xe9'), codecs.charmap_encode('\xe9'))
print(codecs.charmap_decode(b'ab', 'strict', {97: 'xy', 98: 0x20ac}), codecs.charmap_encode('ab', 'strict', {97: 1, 98: b'BB'}))
for bad in [lambda: codecs.charmap_decode(b'a', 'strict', {97: 2.5}), lambda: codecs.charmap_decode(b'a', 'strict', {97: 0x110000}),
            lambda: codecs.charmap_encode('a', 'strict', {97: 300}), lambda: codecs.charmap_encode('a', 'strict', {97: 'x'})]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
