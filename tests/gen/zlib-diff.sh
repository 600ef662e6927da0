#!/bin/sh
# tests/gen/zlib-diff.sh [BUILD] [N]: compare pyvm's zlib with CPython's
# over the first N (default all 668) files of /usr/lib/python3.11: every
# level 0..9 of zlib.compress, and (EXTRA=1, the default) wbits 9/-12/31,
# the five strategies, memLevel 1/2/5/9, chunked compressobj with
# Z_SYNC_FLUSH, and a preset dictionary.  Prints the share of outputs
# byte-identical to CPython's, checks that every output of ours
# decompresses (with our zlib and, for those that differ, with CPython's)
# to the original.  Needs /usr/bin/python3.  LEVELS="0 6" narrows the sweep.
# Exit status 1 when an output differs or fails to decompress.
BUILD=${1:-bin}
N=${2:-100000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find /usr/lib/python3.11 -name '*.py' -not -path '*/site-packages/*' | sort | head -n "$N" > "$tmp/files"
/usr/bin/python3 "$here/zlib-sweep.py" < "$tmp/files" > "$tmp/ref" || exit 2
"$BUILD/pyrun" "$here/zlib-sweep.py" < "$tmp/files" > "$tmp/ours" || { echo "zlib-diff: pyrun failed"; exit 2; }
bad=$(grep -c '^BAD' "$tmp/ours")
total=$(wc -l < "$tmp/ref")
awk 'NR==FNR { ref[$1" "$2] = $3" "$4; next }
     /^BAD/ { next }
     { k = $1" "$2; if (ref[k] == $3" "$4) same++; else { diff++; print k > "'"$tmp/want"'" } }
     END { printf "%d %d\n", same, diff }' "$tmp/ref" "$tmp/ours" > "$tmp/count"
read same diff < "$tmp/count"
echo "zlib: $same/$total compressed outputs identical to CPython's ($(awk "BEGIN{printf \"%.2f\", 100*$same/$total}")%), $bad failed our round trip"
if [ "$diff" -gt 0 ]; then
    head -n 20 "$tmp/want" | sed 's/^/  differs: /'
    DUMP=$tmp "$BUILD/pyrun" "$here/zlib-sweep.py" < "$tmp/files" > /dev/null
    /usr/bin/python3 - "$tmp" "$here" <<'PY'
import sys, zlib
tmp = sys.argv[1]
bad = 0
lines = open(tmp + '/want').read().split('\n')
for i, key in enumerate(l for l in lines if l):
    path, name = key.split(' ')
    data = open(path, 'rb').read()
    c = open('%s/%d.z' % (tmp, i), 'rb').read()
    try:
        if name == 'dict':
            d = zlib.decompressobj(zdict=data[-2000:])
            back = d.decompress(c) + d.flush()
        else:
            wb = 15
            for part in name.split('_'):
                if part.startswith('w'):
                    wb = int(part[1:])
            back = zlib.decompress(c, wb)
        ok = back == data
    except zlib.error:
        ok = False
    if not ok:
        bad += 1
        print('  INVALID (CPython cannot decompress):', key)
print('zlib: %d differing outputs, %d of them not decompressible by CPython' % (i + 1, bad))
PY
fi
[ "$diff" -eq 0 ] && [ "$bad" -eq 0 ]
