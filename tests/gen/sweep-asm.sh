#!/bin/sh
# tests/gen/sweep-asm.sh: differential sweep of pyasm and pydis over a tree
# of Python files (default /usr/lib/python3.11), with CPython 3.11 as oracle.
#
# For each FILE.py: tests/gen/cpy2cfg.py rewrites CPython's code objects as
# CFG text; pyasm assembles it (computing the stack depth itself); then
#   show   pydis --show-code equals dis.code_info() of CPython's code
#          (names, constants, variables, flags, and CPython's stack size);
#   dis    pydis equals the listing CPython's dis formatter makes of the
#          rewritten instructions;
#   rt     pydis --asm | pyasm reproduces the binary byte for byte.
# Prints one summary line; failures are listed in $OUT/failures.
#
# usage: tests/gen/sweep-asm.sh [BINDIR [TREE [JOBS]]]
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
if ! /usr/bin/python3 "$GEN" "$f" > $t/in.cfg 2>$t/err; then r=skip-cpython
elif ! "$BIN/pyasm" $t/in.cfg > $t/a.pyc 2>$t/err; then r=fail-asm
elif ! /usr/bin/python3 "$GEN" --show "$f" > $t/show.exp 2>>$t/err ||
     ! "$BIN/pydis" --show-code $t/a.pyc > $t/show.out 2>>$t/err ||
     ! cmp -s $t/show.exp $t/show.out; then r=fail-show
elif ! /usr/bin/python3 "$GEN" --dis "$f" > $t/dis.exp 2>>$t/err ||
     ! "$BIN/pydis" $t/a.pyc > $t/dis.out 2>>$t/err ||
     ! cmp -s $t/dis.exp $t/dis.out; then r=fail-dis
elif ! "$BIN/pydis" --asm $t/a.pyc > $t/b.cfg 2>>$t/err ||
     ! "$BIN/pyasm" $t/b.cfg > $t/b.pyc 2>>$t/err ||
     ! cmp -s $t/a.pyc $t/b.pyc; then r=fail-rt
fi
echo "$r $f" >> "$OUT/results"
[ "$r" = ok ] || { echo "== $r $f"; head -3 $t/err; } >> "$OUT/failures"
rm -rf $t
' sh < "$OUT/files"
total=$(wc -l < "$OUT/results")
for k in ok skip-cpython fail-asm fail-show fail-dis fail-rt; do
    eval "n_$(echo $k | tr - _)=$(grep -c "^$k " "$OUT/results")"
done
echo "pyasm/pydis sweep: $total files: $n_ok ok, $n_fail_asm pyasm errors, $n_fail_show show-code diffs, $n_fail_dis listing diffs, $n_fail_rt round-trip diffs, $n_skip_cpython not compiled by CPython (details: $OUT)"
