# zlib.compressobj / zlib.decompressobj: incremental use, every flush mode,
# copy(), max_length with unconsumed_tail, unused_data after the end, eof,
# flush(), and preset dictionaries.
import copy
import zlib

data = b''.join(b'record %05d|%s\n' % (i, b'abcdefgh'[i % 8:] * (i % 5)) for i in range(3000))

# compress in pieces, with each flush mode between them
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
             zlib.Z_BLOCK):
    co = zlib.compressobj(6)
    parts = []
    for i in range(0, len(data), 7000):
        parts.append(co.compress(data[i:i + 7000]))
        parts.append(co.flush(mode))
    parts.append(co.flush())
    out = b''.join(parts)
    print(mode, [len(p) for p in parts[:8]], len(out), zlib.crc32(out), zlib.decompress(out) == data)

co = zlib.compressobj()
print(co.compress(b''), co.flush(zlib.Z_SYNC_FLUSH), co.flush(zlib.Z_SYNC_FLUSH))
print(co.flush(zlib.Z_FULL_FLUSH), co.flush(zlib.Z_PARTIAL_FLUSH), co.flush(zlib.Z_NO_FLUSH))
print(co.compress(b'hello'), co.flush())
print(type(co).__name__, type(co).__module__, type(co))

# copy() continues independently
co = zlib.compressobj(9)
head = co.compress(data[:20000])
c2 = co.copy()
c3 = copy.copy(co)
a = head + co.compress(data[20000:]) + co.flush()
b = head + c2.compress(data[20000:]) + c2.flush()
c = head + c3.compress(b'different tail') + c3.flush()
print(a == b, zlib.decompress(a) == data, zlib.decompress(c) == data[:20000] + b'different tail')

# decompressobj with a small max_length
comp = zlib.compress(data)
d = zlib.decompressobj()
got = []
chunk = d.decompress(comp[:500], 100)
got.append(chunk)
print(len(chunk), len(d.unconsumed_tail), d.unused_data, d.eof)
while d.unconsumed_tail:
    got.append(d.decompress(d.unconsumed_tail, 1000))
print(len(b''.join(got)), d.eof)
got.append(d.decompress(comp[500:] + b'EXTRA', 0))
print(len(got[-1]), d.unused_data, d.eof, d.unconsumed_tail)
print(d.decompress(b'more'), d.unused_data)
print(d.flush(), d.eof, d.unused_data)
print(b''.join(got) == data)

# byte at a time
d = zlib.decompressobj()
out = b''.join(d.decompress(comp[i:i + 1]) for i in range(len(comp)))
print(out == data, d.eof, d.unused_data)

# flush() finishes what max_length left
d = zlib.decompressobj()
first = d.decompress(comp, 10)
rest = d.flush()
print(len(first), len(rest), first + rest == data, d.eof, len(d.unconsumed_tail))

# copy of a decompressor
d = zlib.decompressobj()
part = d.decompress(comp[:3000])
d2 = d.copy()
print(part + d.decompress(comp[3000:]) == data, part + d2.decompress(comp[3000:]) == data)

# preset dictionaries
zd = b'record |abcdefgh\n' * 20
co = zlib.compressobj(zdict=zd)
cd = co.compress(data[:2000]) + co.flush()
print(cd[:12], len(cd))
print(zlib.decompressobj(zdict=zd).decompress(cd) == data[:2000])
print(zlib.decompressobj(zdict=bytearray(zd)).decompress(cd) == data[:2000])
d = zlib.decompressobj(zdict=zd)
print(len(d.decompress(cd[:2])), len(d.decompress(cd[2:6])), len(d.decompress(cd[6:])))
co = zlib.compressobj(wbits=-15, zdict=zd)
raw = co.compress(data[:2000]) + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(raw) == data[:2000])
co = zlib.compressobj(zdict=b'')
print(co.compress(b'abc') + co.flush())

# attributes are read-only
for attr in ('unused_data', 'unconsumed_tail', 'eof'):
    try:
        setattr(zlib.decompressobj(), attr, b'')
    except AttributeError as e:
        print(attr, e)
