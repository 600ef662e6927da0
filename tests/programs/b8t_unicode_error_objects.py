# UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError made by
# hand: str(), the attributes, assigning them, and the odd shapes.
cases = [
    UnicodeEncodeError('ascii', 'aé', 1, 2, 'ordinal not in range(128)'),
    UnicodeEncodeError('ascii', 'a\U0001F600\u20ac', 1, 3, 'why'),
    UnicodeEncodeError('latin-1', '\u20ac', 0, 1, 'r'),
    UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte'),
    UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'two'),
    UnicodeDecodeError('utf-8', bytearray(b'\xff'), 0, 1, 'from bytearray'),
    UnicodeTranslateError('aé', 1, 2, 'cannot'),
    UnicodeTranslateError('a\u20ac\u20ac', 1, 3, 'cannot'),
    UnicodeTranslateError('\U0001F600', 0, 1, 'astral'),
]
for e in cases:
    print(type(e).__name__, str(e), repr(e.object), e.start, e.end, e.reason, repr(e.encoding) if not isinstance(e, UnicodeTranslateError) else '-', e.args)
e = UnicodeEncodeError('ascii', 'aéb', 1, 2, 'r')
e.start = 0
e.end = 3
e.reason = 'changed'
print(str(e), e.start, e.end, e.reason, e.args)
e = UnicodeDecodeError('ascii', b'abc', 0, 1, 'r')
e.end = 3
print(str(e), e.end)
for bad in [lambda: UnicodeEncodeError('ascii', 'x', 0), lambda: UnicodeEncodeError(1, 'x', 0, 1, 'r'),
            lambda: UnicodeDecodeError('ascii', 'str', 0, 1, 'r'), lambda: UnicodeTranslateError(b'x', 0, 1, 'r')]:
    try:
        print(bad())
    except TypeError as x:
        print('TypeError', x)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as x:
    print(isinstance(x, UnicodeError), isinstance(x, ValueError), x.args)
try:
    b'\xe9'.decode('utf-8')
except UnicodeError as x:
    print(type(x).__name__, x.object, x.start, x.end)
