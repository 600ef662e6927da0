# tests/gen/zlib-sweep.py: run by tests/gen/zlib-diff.sh under both
# /usr/bin/python3 and pyrun.  For each file named on stdin and each
# configuration, prints "file config crc32 length" of the compressed bytes,
# and checks that zlib.decompress gives the data back (prints BAD if not).
# With DUMP=dir in the environment, writes the compressed bytes of the
# "file config" pairs listed in dir/want to dir/N.z (N: their line number).
import os
import sys
import zlib

LEVELS = [int(x) for x in os.environ.get('LEVELS', '0 1 2 3 4 5 6 7 8 9').split()]
EXTRA = os.environ.get('EXTRA', '1') == '1'

def configs():
    for lv in LEVELS:
        yield 'c%d' % lv, (lambda d, lv=lv: zlib.compress(d, lv)), 15
    if not EXTRA:
        return
    for lv in (1, 6, 9):
        for wb in (9, -12, 31):
            yield 'c%d_w%d' % (lv, wb), (lambda d, lv=lv, wb=wb: zlib.compress(d, lv, wb)), wb
    for st in range(5):
        for lv in (1, 4, 6, 9):
            def f(d, lv=lv, st=st):
                c = zlib.compressobj(lv, zlib.DEFLATED, 15, 8, st)
                return c.compress(d) + c.flush()
            yield 'o%d_s%d' % (lv, st), f, 15
    for ml in (1, 2, 5, 9):
        for lv in (0, 3, 6):
            def f(d, lv=lv, ml=ml):
                c = zlib.compressobj(lv, zlib.DEFLATED, 15, ml)
                return c.compress(d) + c.flush()
            yield 'o%d_m%d' % (lv, ml), f, 15
    def chunked(d):
        c = zlib.compressobj(6)
        out = []
        for i in range(0, len(d), 5000):
            out.append(c.compress(d[i:i + 5000]))
            if i % 20000 == 0:
                out.append(c.flush(zlib.Z_SYNC_FLUSH))
        out.append(c.flush())
        return b''.join(out)
    yield 'chunk', chunked, 15
    def withdict(d):
        c = zlib.compressobj(6, zdict=d[-2000:])
        return c.compress(d) + c.flush()
    yield 'dict', withdict, None

dump = os.environ.get('DUMP')
want = {}
if dump:
    with open(os.path.join(dump, 'want')) as f:
        for i, line in enumerate(f):
            want[line.strip()] = i
files = [l.strip() for l in sys.stdin if l.strip()]
for path in files:
    with open(path, 'rb') as f:
        data = f.read()
    for name, fn, wb in configs():
        c = fn(data)
        key = '%s %s' % (path, name)
        if dump:
            if key in want:
                with open(os.path.join(dump, '%d.z' % want[key]), 'wb') as f:
                    f.write(c)
            continue
        print(key, zlib.crc32(c), len(c))
        if wb is None:
            d = zlib.decompressobj(zdict=data[-2000:])
            back = d.decompress(c) + d.flush()
        else:
            back = zlib.decompress(c, wb)
        if back != data:
            print('BAD', key)
