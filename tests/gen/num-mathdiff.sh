#!/bin/sh
# tests/gen/num-mathdiff.sh: differential sweep of the math module (hypot,
# dist, fsum and the float functions on pseudo-random inputs) against
# CPython 3.11.  Prints one summary line; exit 1 on any difference.
#
# usage: tests/gen/num-mathdiff.sh [N]     (PYBIN: our tools, default bin/)
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${PYBIN:-$here/../../bin}
n=${1:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/num-mathdiff.py" "$n" > "$tmp/want" || exit 2
nice -n 10 "$bin/pyrun" "$here/num-mathdiff.py" "$n" > "$tmp/got" || exit 2
total=$(wc -l < "$tmp/want")
bad=$(diff "$tmp/want" "$tmp/got" | grep -c '^<')
echo "math: $((total - bad))/$total result lines identical to CPython"
if [ "$bad" -ne 0 ]; then
    diff "$tmp/want" "$tmp/got" | head -20
    exit 1
fi
