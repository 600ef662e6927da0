# The built-in error handlers as functions (codecs.lookup_error): their
# results for encode, decode and translate errors, the range clamping, and
# the TypeErrors for what each cannot handle.
import codecs

names = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
         'namereplace', 'surrogateescape', 'surrogatepass']
excs = [
    UnicodeEncodeError('ascii', 'aé€\U0001F600z', 1, 4, 'r'),
    UnicodeEncodeError('utf-8', 'a\udc80\udcffz', 1, 3, 'r'),
    UnicodeEncodeError('utf-16-le', 'a\ud800\udfffz', 1, 3, 'r'),
    UnicodeEncodeError('utf-32', '\ud800', 0, 1, 'r'),
    UnicodeEncodeError('latin-1', 'abc', -5, 99, 'r'),
    UnicodeDecodeError('utf-8', b'a\xff\xfe\x80z', 1, 3, 'r'),
    UnicodeDecodeError('utf-8', b'a\xed\xa0\x80z', 1, 4, 'r'),
    UnicodeDecodeError('utf-16-be', b'\xd8\x00', 0, 2, 'r'),
    UnicodeDecodeError('utf-32-le', b'\x00\xdc\x00\x00', 0, 4, 'r'),
    UnicodeDecodeError('ascii', b'a\x41\xffz', 1, 3, 'r'),
    UnicodeDecodeError('ascii', b'\x80\x81\x82\x83\x84\x85', 0, 6, 'r'),
    UnicodeTranslateError('aé€z', 1, 3, 'r'),
]
for n in names:
    f = codecs.lookup_error(n)
    print(n, f)
    for e in excs:
        try:
            r = f(e)
        except Exception as x:
            print('   ', type(e).__name__, '->', type(x).__name__, x)
        else:
            print('   ', type(e).__name__, '->', repr(r))
    for bad in (ValueError('v'), 'text', None):
        try:
            f(bad)
        except Exception as x:
            print('    bad', type(x).__name__, x)
for n in names:
    print(n, codecs.lookup_error(n) is codecs.lookup_error(n))
print(codecs.strict_errors, codecs.ignore_errors, codecs.replace_errors,
      codecs.backslashreplace_errors, codecs.xmlcharrefreplace_errors, codecs.namereplace_errors)
e = UnicodeTranslateError('aéz', 1, 2, 'bad')
print(str(e), e.object, e.start, e.end, e.reason, repr(e.encoding), e.args)
e = UnicodeTranslateError('aééz', 1, 3, 'bad')
print(str(e))
