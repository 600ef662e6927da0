# Corrupted and truncated zlib, raw and gzip streams (bits flipped by a
# fixed generator): zlib.decompress and a decompressobj fed with
# max_length=100 must fail with the same message at the same place, or
# give the same output, unused_data and unconsumed_tail, as CPython.
import zlib
def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield x >> 33
text = b''.join(b'word%d and some text %d, ' % (i % 37, i % 11) for i in range(400))
g = lcg(12345)
samples = []
for wb in (15, -15, 31):
    for lv in (0, 1, 6, 9):
        samples.append((wb, zlib.compress(text, lv, wb)))
    c = zlib.compressobj(6, 8, wb, 8, zlib.Z_FIXED)
    samples.append((wb, c.compress(text) + c.flush()))
results = {}
for k in range(1500):
    wb, c = samples[next(g) % len(samples)]
    b = bytearray(c)
    nflip = 1 + next(g) % 3
    for _ in range(nflip):
        pos = next(g) % len(b)
        b[pos] ^= 1 << (next(g) % 8)
    if next(g) % 4 == 0:
        b = b[:next(g) % len(b)]
    try:
        out = zlib.decompress(bytes(b), wb)
        r = 'ok %d %d' % (len(out), zlib.crc32(out))
    except zlib.error as e:
        r = str(e)
    d = zlib.decompressobj(wb)
    try:
        parts = []
        data = bytes(b)
        while True:
            chunk = d.decompress(data, 100)
            parts.append(chunk)
            data = d.unconsumed_tail
            if not data or d.eof:
                break
        parts.append(d.flush())
        r2 = 'ok %d %d %d %s' % (sum(map(len, parts)), len(d.unused_data), len(d.unconsumed_tail), d.eof)
    except zlib.error as e:
        r2 = str(e) + ' tail=%d' % len(d.unconsumed_tail)
    print(k, r, '|', r2)
