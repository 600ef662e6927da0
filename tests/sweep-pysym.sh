#!/bin/sh
# tests/sweep-pysym.sh: differential sweep of pysym against CPython 3.11's
# symtable over every .py file under a directory (default /usr/lib/python3.11,
# 668 files).  The input AST comes from /usr/bin/python3 -m ast (so the sweep
# does not depend on pyast); the expected tables from tests/symtable_oracle.py.
#
#   sh tests/sweep-pysym.sh [DIR]        PYBIN=bin by default
#
# Prints the files that differ, then "pysym: N/M files identical".
# A file CPython itself cannot compile is counted as identical when pysym
# also fails on it.
PYBIN=${PYBIN:-$(dirname "$0")/../bin}
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-/usr/lib/python3.11}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0; ok=0
for f in $(find "$DIR" -name '*.py' | sort); do
    n=$((n + 1))
    if ! { echo "pyfmt ast 1 $f"; /usr/bin/python3 -m ast -a --no-type-comments "$f"; } > "$TMP/in" 2>/dev/null; then
        if ! "$PYBIN/pysym" "$TMP/in" >/dev/null 2>&1; then ok=$((ok + 1)); fi
        continue
    fi
    /usr/bin/python3 "$HERE/symtable_oracle.py" "$f" > "$TMP/ref" 2>"$TMP/referr"
    rref=$?
    "$PYBIN/pysym" "$TMP/in" 2>"$TMP/err" | sed '/^ast$/,$d' | grep -v '^info ' > "$TMP/out"
    if [ $rref -ne 0 ]; then
        if grep -q '^pyfmt error' "$TMP/out"; then ok=$((ok + 1)); else echo "DIFF (error expected) $f"; fi
    elif cmp -s "$TMP/ref" "$TMP/out"; then
        ok=$((ok + 1))
    else
        echo "DIFF $f"
    fi
done
echo "pysym: $ok/$n files identical"
