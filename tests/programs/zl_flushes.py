# compressobj driven by a fixed pseudo-random sequence of compress() calls
# of varied sizes and flush() modes, at every level and strategy, with
# small and large memLevels and windows: the output pieces (as lengths and
# a crc) must be zlib 1.2.13's, and must decompress.
import zlib


def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield x >> 33


g = lcg(2024)
words = [b'lorem', b'ipsum', b'dolor', b'sit', b'amet', b'\n', b'    ', b'0123456789']
data = b''.join(words[next(g) % 8] for _ in range(60000))
data += bytes(next(g) & 255 for _ in range(20000)) + bytes(30000) + data[:50000]
modes = [zlib.Z_NO_FLUSH] * 4 + [zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
                                 zlib.Z_BLOCK]
configs = [(lv, st, 8, 15) for lv in range(10) for st in (0, 1, 2, 3, 4)]
configs += [(lv, 0, 1, 9) for lv in (0, 1, 5, 9)] + [(lv, 0, 9, -10) for lv in (0, 3, 7)]
configs += [(lv, 0, 2, 31) for lv in (0, 2, 6)]
for level, strategy, mem, wbits in configs:
    co = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strategy)
    pieces = []
    pos = 0
    while pos < len(data):
        n = (1, 10, 300, 5000, 40000, 70000)[next(g) % 6]
        pieces.append(co.compress(data[pos:pos + n]))
        pos += n
        mode = modes[next(g) % len(modes)]
        if mode != zlib.Z_NO_FLUSH:
            pieces.append(co.flush(mode))
    pieces.append(co.flush())
    out = b''.join(pieces)
    ok = zlib.decompress(out, wbits) == data
    print(level, strategy, mem, wbits, len(pieces), sum(len(p) == 0 for p in pieces), len(out),
          zlib.crc32(out), ok)
