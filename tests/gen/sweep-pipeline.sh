#!/bin/sh
# tests/gen/sweep-pipeline.sh: the back end's "done when" sweep over a tree
# of Python files (default /usr/lib/python3.11, 668 .py files).
#
# For each FILE.py: pytok | pyparse | pyast | pysym | pycfg | pyasm must
# succeed, and pydis --asm | pyasm must reproduce the binary byte for byte.
# As a measure of the whole compiler, the listing is also compared with the
# one CPython 3.11 gives (tests/gen/cpy2cfg.py --dis).  One summary line.
#
# usage: tests/gen/sweep-pipeline.sh [BINDIR [TREE [JOBS]]]
BIN=${1:-$(dirname "$0")/../../bin}
TREE=${2:-/usr/lib/python3.11}
JOBS=${3:-8}
GEN=$(cd "$(dirname "$0")" && pwd)/cpy2cfg.py
OUT=${OUT:-$(mktemp -d)}
BIN=$(cd "$BIN" && pwd)
export BIN GEN OUT
find "$TREE" -name '*.py' \( -type f -o -type l \) | sort > "$OUT/files"
: > "$OUT/results"
xargs -P "$JOBS" -n 1 sh -c '
f=$1; t=$(mktemp -d)
r=ok
cd "$(dirname "$f")"
b=$(basename "$f")
if ! "$BIN/pytok" "$b" 2>$t/err | "$BIN/pyparse" 2>>$t/err | "$BIN/pyast" 2>>$t/err |
     "$BIN/pysym" 2>>$t/err | "$BIN/pycfg" > $t/a.cfg 2>>$t/err; then r=fail-front
elif ! "$BIN/pyasm" $t/a.cfg > $t/a.pyc 2>>$t/err; then r=fail-asm
elif ! "$BIN/pydis" --asm $t/a.pyc > $t/b.cfg 2>>$t/err ||
     ! "$BIN/pyasm" $t/b.cfg > $t/b.pyc 2>>$t/err ||
     ! cmp -s $t/a.pyc $t/b.pyc; then r=fail-rt
else
    /usr/bin/python3 "$GEN" --dis "$b" > $t/dis.exp 2>/dev/null
    "$BIN/pydis" $t/a.pyc > $t/dis.out 2>/dev/null
    cmp -s $t/dis.exp $t/dis.out && r=ok-same || r=ok-differs
fi
echo "$r $f" >> "$OUT/results"
case $r in ok*) ;; *) { echo "== $r $f"; head -3 $t/err; } >> "$OUT/failures";; esac
rm -rf $t
' sh < "$OUT/files"
total=$(wc -l < "$OUT/results")
c() { grep -c "^$1 " "$OUT/results"; }
ok=$(( $(c ok-same) + $(c ok-differs) ))
echo "pipeline sweep: $total files: $ok compile through pycfg | pyasm, $(c ok-same) with CPython's exact listing; $(c fail-rt) round-trip diffs; failures: $(c fail-front) before pyasm, $(c fail-asm) in pyasm (details: $OUT)"
