# decompressobj fed in pseudo-random pieces with pseudo-random max_length
# limits: every step's output length, unconsumed_tail and unused_data
# length and eof must be CPython's (zlib consumes input only as far as
# the output it makes needs).
import zlib


def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield x >> 33


g = lcg(77)
text = b''.join(b'%d:%s ' % (next(g) % 1000, b'ab' * (next(g) % 9)) for _ in range(20000))
streams = []
for level in (0, 1, 6, 9):
    for wbits in (15, -15, 31):
        streams.append((wbits, zlib.compress(text, level, wbits) + b'TRAILER'))
co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_FIXED)
streams.append((15, co.compress(text) + co.flush()))
co = zlib.compressobj(6, zlib.DEFLATED, 47 - 32 + 16)
streams.append((47, co.compress(text[:5000]) + co.flush()))
for wbits, comp in streams:
    d = zlib.decompressobj(wbits)
    pos = 0
    steps = []
    total = 0
    while not d.eof and pos < len(comp):
        n = (1, 7, 64, 1000, 30000)[next(g) % 5]
        chunk = d.unconsumed_tail + comp[pos:pos + n]
        pos += n
        limit = (0, 1, 50, 300, 4000, 70000)[next(g) % 6]
        out = d.decompress(chunk, limit)
        total += len(out)
        steps.append('%d/%d/%d' % (len(out), len(d.unconsumed_tail), len(d.unused_data)))
    rest = d.flush()
    total += len(rest)
    print(wbits, len(comp), total, d.eof, d.unused_data, len(rest))
    print('  ', ' '.join(steps[:40]))
    print('  ', len(steps), zlib.crc32(' '.join(steps).encode()))
