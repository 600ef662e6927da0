# Odds and ends of text: the hash of empty str/bytes (0 in CPython, not
# randomized), NaN signs in formatting, maketrans key errors, __index__
# repeat counts in operators, bytes partition identity, utf-8-sig.
print(hash(''), hash(b''), hash(bytes()), hash(''.join([])), hash(frozenset()) == hash(frozenset()))
x = float('-nan')
print('%f %e %g %r %s %5.1f|%-6.2f|' % (x, x, x, x, x, x, x), format(x, '+'), format(x, '08.2f'), f'{x:z}', str(x))
print(format(complex(x, -x)), repr(complex(x, x)), format(float('nan'), ' '), '{:e}'.format(-float('nan')))
for arg in [{1.5: 1}, {'ab': 1}, {'a': 1, 2: 'b', 3: None}]:
    try:
        print(sorted(str.maketrans(arg).items()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for args in [('ab', 'c'), ('a', 'b', 1), (1, 2), (1, 'b')]:
    try:
        print(str.maketrans(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b'\xef\xbb\xbfa'.decode('utf-8-sig'), 'a'.encode('utf-8-sig'), 'a'.encode('utf_16').hex())
s = 'abc'
print(s.encode('utf-32') == b'\xff\xfe\x00\x00' + s.encode('utf-32-le'), b'\xfe\xff\x00a'.decode('utf-16'))
b = b'k=v'
sep = b'='
print(b.partition(sep)[1] is sep, b.rpartition(sep)[1] is sep, bytearray(b).partition(sep)[1] is sep)
