# zlib.compress / zlib.decompress round trips over data of many shapes,
# printing the compressed bytes (short ones in full, long ones as a crc).
import zlib


def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield x >> 33


g = lcg(7)
samples = {
    'empty': b'',
    'one': b'a',
    'two': b'ab',
    'three': b'abc',
    'run': b'a' * 1000,
    'run258': b'z' * 258,
    'run259': b'z' * 259,
    'hello': b'hello world ' * 20,
    'bytes': bytes(range(256)),
    'random': bytes(next(g) & 255 for _ in range(3000)),
    'lowent': bytes(next(g) % 3 + 65 for _ in range(5000)),
    'words': b' '.join(b'w%d' % (next(g) % 50) for _ in range(4000)),
    'zeros': bytes(70000),
    'long': b''.join(b'line %d: %s\n' % (i, b'x' * (i % 60)) for i in range(3000)),
}
for name, data in samples.items():
    c = zlib.compress(data)
    back = zlib.decompress(c)
    shown = c if len(c) <= 40 else '%d bytes crc %d' % (len(c), zlib.crc32(c))
    print(name, len(data), shown, back == data)
    print('  bytearray in:', zlib.compress(bytearray(data)) == c,
          'memoryview in:', zlib.decompress(memoryview(c)) == data)
# bufsize only sizes the first output block
c = zlib.compress(samples['long'])
for bufsize in (0, 1, 7, 100, 16384, 10 ** 6):
    print(bufsize, zlib.decompress(c, bufsize=bufsize) == samples['long'])
print(zlib.decompress(c, 15, 1) == zlib.decompress(c, wbits=15, bufsize=1))
# trailing bytes after the stream are ignored by zlib.decompress
print(zlib.decompress(zlib.compress(b'payload') + b'trailing junk'))
print(type(zlib.compress(b'x')).__name__, type(zlib.decompress(zlib.compress(b''))).__name__)
