# The exact compressed bytes (as crc32 and length) of zlib.compress and
# compressobj for every level, strategy and memLevel: they must be
# byte-identical to zlib 1.2.13's.
import zlib


def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield x >> 33


g = lcg(99)
words = [b'alpha', b'beta', b'gamma', b'delta', b'epsilon', b'zeta', b'eta', b'theta']
text = b' '.join(words[next(g) % 8] + b'%d' % (next(g) % 100) for _ in range(12000))
binary = bytes((next(g) % 7) * 37 & 255 for _ in range(40000))
mixed = text[:30000] + binary[:20000] + bytes(5000) + text[30000:60000]
tiny = b'abcabcabcabcabcabc'
for name, data in (('text', text), ('binary', binary), ('mixed', mixed), ('tiny', tiny)):
    print(name, len(data))
    print(' ', [(len(c), zlib.crc32(c)) for c in (zlib.compress(data, lv) for lv in range(-1, 10))])
    for strategy in range(5):
        row = []
        for level in (0, 1, 3, 4, 6, 9):
            co = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS, 8, strategy)
            c = co.compress(data) + co.flush()
            assert zlib.decompress(c) == data
            row.append(zlib.crc32(c))
        print('  strategy', strategy, row)
    for mem in (1, 2, 4, 9):
        row = []
        for level in (0, 2, 5, 8):
            co = zlib.compressobj(level, memLevel=mem)
            c = co.compress(data) + co.flush()
            assert zlib.decompress(c) == data
            row.append(zlib.crc32(c))
        print('  memLevel', mem, row)
print(zlib.compress(tiny, 9))
print(zlib.compress(tiny, 0))
print(zlib.compress(b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1))
