#!/bin/sh
# tests/gen/zlib-bench.sh [BUILD]: pyvm's zlib against CPython's (C zlib
# 1.2.13) on 1 MiB of the standard library's text: median CPU time of
# zlib.compress at levels 0, 1, 6, 9, zlib.decompress, crc32, adler32 and
# gzip.compress/decompress, and the ratio pyvm / python3.  Needs
# /usr/bin/python3.
BUILD=${1:-bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat /usr/lib/python3.11/*.py | head -c 1048576 > "$tmp/data"
cat > "$tmp/bench.py" <<'PY'
import gzip, sys, time, zlib
data = open(sys.argv[1], 'rb').read()
def med(f, n=5):
    ts = []
    for _ in range(n):
        t = time.process_time()
        f()
        ts.append(time.process_time() - t)
    return sorted(ts)[n // 2] * 1000
c6 = zlib.compress(data)
g = gzip.compress(data)
for name, f in (('compress(level=0)', lambda: zlib.compress(data, 0)),
                ('compress(level=1)', lambda: zlib.compress(data, 1)),
                ('compress(level=6)', lambda: zlib.compress(data, 6)),
                ('compress(level=9)', lambda: zlib.compress(data, 9)),
                ('decompress', lambda: zlib.decompress(c6)),
                ('crc32', lambda: zlib.crc32(data)),
                ('adler32', lambda: zlib.adler32(data)),
                ('gzip.compress', lambda: gzip.compress(data)),
                ('gzip.decompress', lambda: gzip.decompress(g))):
    print(name, '%.2f' % med(f))
PY
/usr/bin/python3 "$tmp/bench.py" "$tmp/data" > "$tmp/py" || exit 2
"$BUILD/pyrun" "$tmp/bench.py" "$tmp/data" > "$tmp/vm" || exit 2
printf '%-20s %10s %10s %6s\n' '1 MiB' 'pyvm ms' 'python3 ms' ratio
paste "$tmp/vm" "$tmp/py" | awk '{ printf "%-20s %10s %10s %6.2f\n", $1, $2, $4, ($4 > 0 ? $2 / $4 : 0) }'
