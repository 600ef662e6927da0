# codecs.register_error: user error handlers called by the built-in
# encoders and decoders with the UnicodeEncodeError/UnicodeDecodeError,
# their (replacement, position) results and CPython's checks of them.
import codecs

log = []
def tag(e):
    log.append((type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason))
    return ('<%d:%d>' % (e.start, e.end), e.end)
codecs.register_error('test.tag', tag)
print(codecs.lookup_error('test.tag') is tag)
for enc in ('ascii', 'latin-1', 'utf-8', 'utf-16-le', 'utf-32-be'):
    print(enc, 'aé€\U0001F600b\ud800c'.encode(enc, 'test.tag'))
for enc, data in [('utf-8', b'a\xff\xfeb\xe2\x82c\xed\xa0\x80'), ('ascii', b'a\x80\x81b'),
                  ('utf-16-le', b'a\x00\x00\xd8b\x00\x00'), ('utf-32-le', b'\x00\x00\x11\x00a\x00\x00\x00')]:
    print(enc, repr(data.decode(enc, 'test.tag')))
for entry in log:
    print(entry)

def as_bytes(e):
    return (b'[%d]' % (e.end - e.start), e.end)
codecs.register_error('test.bytes', as_bytes)
print('xéy€€z'.encode('ascii', 'test.bytes'), 'x\ud800y'.encode('utf-8', 'test.bytes'))

def skip_back(e):
    # a negative position counts from the end
    return ('!', -1)
codecs.register_error('test.back', skip_back)
print('aébcd'.encode('ascii', 'test.back'), repr(b'ab\xffcd'.decode('ascii', 'test.back')))

def skip_two(e):
    return ('~', e.start + 2)
codecs.register_error('test.two', skip_two)
print('aéébc'.encode('ascii', 'test.two'), repr(b'a\xff\xffbc'.decode('utf-8', 'test.two')))

def check(label, handler, text=True):
    codecs.register_error('test.bad', handler)
    try:
        r = 'aé'.encode('ascii', 'test.bad') if text else b'a\xff'.decode('ascii', 'test.bad')
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

for text in (True, False):
    check('not a tuple', lambda e: 'x', text)
    check('short tuple', lambda e: ('x',), text)
    check('bad position', lambda e: ('x', 'y'), text)
    check('out of bounds', lambda e: ('x', 100), text)
    check('negative out of bounds', lambda e: ('x', -100), text)
    check('bytes', lambda e: (b'B', e.end), text)
    check('list', lambda e: ['x', e.end], text)
    check('raises', lambda e: 1 / 0, text)
    check('unencodable', lambda e: ('é', e.end), text)
    check('re-raise', lambda e: (_ for _ in ()).throw(e), text)

try:
    'é'.encode('ascii', 'no.such.handler')
except LookupError as e:
    print('LookupError', e)
print('plain'.encode('ascii', 'no.such.handler'))
for args in [('x', 3), (3, print), ('x',)]:
    try:
        codecs.register_error(*args)
    except TypeError as e:
        print('TypeError', e)
for name in (3, 'nope'):
    try:
        codecs.lookup_error(name)
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
# a handler for a built-in name does not change the built-in codecs
codecs.register_error('replace', lambda e: ('R', e.end))
print('é'.encode('ascii', 'replace'), codecs.lookup_error('replace')(UnicodeEncodeError('ascii', 'é', 0, 1, 'r')))
# codecs.encode/decode and the registry codecs reach the handlers too
print(codecs.encode('aé', 'ascii', 'test.tag'), codecs.decode(b'a\xff', 'ascii', 'test.tag'))
print('a\u0100'.encode('cp1252', 'test.tag'), b'a\x81'.decode('cp1252', 'test.tag'))
print('é€'.encode('iso8859-15', 'test.tag'), 'é€'.encode('iso8859-1', 'test.tag'))
