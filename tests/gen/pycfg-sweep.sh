#!/bin/sh
# tests/gen/pycfg-sweep.sh: differential sweep of pycfg over a directory of
# Python files (default /usr/lib/python3.11), against CPython 3.11.
#
# For each FILE.py under DIR (recursively): python3 -m ast -> pysym -> pycfg;
# the result normalised
# by tests/cases/pycfg/normalize.awk is compared with CPython's bytecode
# normalised by the same rules as tests/gen/pycfg.sh.  Prints one line per
# file that differs or fails and a summary line:
#   pycfg: N files, C compiled, S identical to CPython, U not supported, F failed
# Usage: sh tests/gen/pycfg-sweep.sh [DIR] [BINDIR]
set -u
export LC_ALL=C
DIR=${1:-/usr/lib/python3.11}
BIN=${2:-bin}
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 ok=0 same=0 unsup=0 fail=0
# CPython's normalised listing, shared with tests/gen/pycfg.sh.
sed -n "/^    \$PY - \"\$src\" libstage\/opcodes.def/,/^PYEOF/p" tests/gen/pycfg.sh | sed '1d;$d' > "$tmp/norm.py"
find "$DIR" -name '*.py' | sort > "$tmp/list"
while read -r f <&3; do
    n=$((n + 1))
    b=$(basename "$f")
    d=$(dirname "$f")
    { echo "pyfmt ast 1 $b"; $PY -m ast -a --no-type-comments "$f" 2>/dev/null; } > "$tmp/a" || continue
    "$BIN/pysym" "$tmp/a" > "$tmp/s" 2>"$tmp/e1"
    "$BIN/pycfg" "$tmp/s" > "$tmp/c" 2>"$tmp/e2"
    rc=$?
    if [ $rc -ne 0 ]; then
        if grep -q "not supported yet" "$tmp/e2"; then
            unsup=$((unsup + 1)); echo "UNSUPPORTED $f: $(head -c 200 "$tmp/e2")"
        else
            fail=$((fail + 1)); echo "FAIL($rc) $f: $(head -c 200 "$tmp/e1" "$tmp/e2")"
        fi
        continue
    fi
    ok=$((ok + 1))
    awk -f tests/cases/pycfg/normalize.awk "$tmp/c" > "$tmp/ours"
    (cd "$d" && $PY "$tmp/norm.py" "$b" "$OLDPWD/libstage/opcodes.def") > "$tmp/theirs" 2>/dev/null
    if cmp -s "$tmp/ours" "$tmp/theirs"; then
        same=$((same + 1))
    else
        echo "DIFF $f: $(diff "$tmp/theirs" "$tmp/ours" | grep -c '^[<>]') lines"
    fi
done 3< "$tmp/list"
echo "pycfg: $n files, $ok compiled, $same identical to CPython, $unsup not supported, $fail failed"
