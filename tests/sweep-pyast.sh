#!/bin/sh
# tests/sweep-pyast.sh: differential sweep of pyparse + pyast over the
# standard library: for every .py file under DIR (default /usr/lib/python3.11),
# tokens from `python3 -m tokenize -e` (or bin/pytok with PYTOK=1) through
# pyparse and pyast, compared with `python3 -m ast -a --no-type-comments`.
# Prints the failing files and "pyast: N/M files identical".
#   usage: tests/sweep-pyast.sh [DIR]   (PYBIN: bin dir, default ./bin;
#          PARSE_OPTS: pyparse's options, default -c; "" for full trees)
PY=/usr/bin/python3
DIR=${1:-/usr/lib/python3.11}
PYBIN=${PYBIN:-$(dirname "$0")/../bin}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0; ok=0
for f in $(find "$DIR" -name '*.py' | sort); do
    n=$((n + 1))
    if [ "${PYTOK:-0}" = 1 ]; then
        "$PYBIN/pytok" "$f" > "$TMP/tok" 2>/dev/null
    else
        { echo "pyfmt tokens 1 $f"; $PY -m tokenize -e "$f"; } > "$TMP/tok" 2>/dev/null
    fi
    $PY -m ast -a --no-type-comments "$f" > "$TMP/want" 2>/dev/null
    "$PYBIN/pyparse" ${PARSE_OPTS--c} "$TMP/tok" 2>"$TMP/err" | "$PYBIN/pyast" 2>>"$TMP/err" | tail -n +2 > "$TMP/got"
    if cmp -s "$TMP/want" "$TMP/got"; then
        ok=$((ok + 1))
    else
        echo "DIFF $f: $(head -c 200 "$TMP/err" | tr '\n' ' ')"
    fi
done
echo "pyast: $ok/$n files identical"
