# The gzip module over zlib: compress/decompress, multi-member streams,
# gzip.open writing and reading a file in a temporary directory (binary
# and text), GzipFile on a BytesIO, and its errors.
import gzip, io, os, tempfile, zlib
data = b''.join(b'line %d of the file\n' % i for i in range(2000))
c = gzip.compress(data, mtime=0)
print(len(c), zlib.crc32(c))
print(gzip.decompress(c) == data)
print(gzip.compress(b'abc', compresslevel=1, mtime=0))
print(gzip.decompress(gzip.compress(b'x', mtime=0) + gzip.compress(b'y', mtime=0)))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.gz')
    with gzip.open(p, 'wb') as f:
        f.write(data)
    with gzip.open(p, 'rb') as f:
        back = f.read()
    print(back == data)
    with gzip.open(p, 'rt') as f:
        print(f.readline(), end='')
        print(sum(1 for _ in f))
    with gzip.open(p, 'wt', encoding='utf-8') as f:
        f.write('héllo\n' * 3)
    with open(p, 'rb') as f:
        raw = f.read()
    print(raw[:3], len(raw))
    with gzip.open(p, 'rt', encoding='utf-8') as f:
        print(repr(f.read()))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0, filename='') as g:
    g.write(b'hello ' * 100)
print(buf.getvalue())
try:
    gzip.decompress(b'\x1f\x8b\x08\x00' + b'\x00' * 6 + b'garbage')
except Exception as e:
    print(type(e).__name__, e)
try:
    gzip.decompress(b'not gzip at all')
except Exception as e:
    print(type(e).__name__, e)
