#!/bin/sh
# tests/gen/sweep-inproc.sh: the in-process compiler (libstage/front.h,
# ls_compile, run by `pyrun --compile-only`) against the process pipeline,
# over a tree of Python files (default /usr/lib/python3.11, 668 .py files).
#
# For each FILE.py the code object of
#     pytok FILE | pyparse | pyast | pysym | pycfg | pyasm
# must equal, byte for byte, the one `pyrun --compile-only -o OUT FILE`
# writes; when the pipeline fails (a SyntaxError: some test files are
# meant to be invalid) pyrun must fail with the same status and the same
# message.  One summary line; details of each difference in $OUT/failures.
#
# usage: tests/gen/sweep-inproc.sh [BINDIR [TREE [JOBS]]]   (run it under nice)
BIN=${1:-$(dirname "$0")/../../bin}
TREE=${2:-/usr/lib/python3.11}
JOBS=${3:-2}
OUT=${OUT:-$(mktemp -d)}
BIN=$(cd "$BIN" && pwd)
export BIN OUT
find "$TREE" -name '*.py' \( -type f -o -type l \) | sort > "$OUT/files"
: > "$OUT/results"
: > "$OUT/failures"
xargs -P "$JOBS" -n 1 sh -c '
f=$1; t=$(mktemp -d)
cd "$(dirname "$f")"
b=$(basename "$f")
"$BIN/pytok" "$b" 2>$t/perr | "$BIN/pyparse" 2>>$t/perr | "$BIN/pyast" 2>>$t/perr |
    "$BIN/pysym" 2>>$t/perr | "$BIN/pycfg" 2>>$t/perr | "$BIN/pyasm" -o $t/a.pyc 2>>$t/perr
pst=$?
"$BIN/pyrun" --compile-only -o $t/b.pyc "$b" 2>$t/ierr
ist=$?
if [ $pst -ne $ist ]; then r=status
elif [ $pst -eq 0 ]; then
    if cmp -s $t/a.pyc $t/b.pyc; then r=same; else r=differs; fi
elif cmp -s $t/perr $t/ierr; then r=same-error
else r=error-differs
fi
echo "$r $f" >> "$OUT/results"
case $r in same*) ;; *) { echo "== $r $f (pipeline $pst, pyrun $ist)"; head -5 $t/perr; echo "--"; head -5 $t/ierr; } >> "$OUT/failures";; esac
rm -rf $t
' sh < "$OUT/files"
total=$(wc -l < "$OUT/results")
c() { grep -c "^$1 " "$OUT/results"; }
echo "in-process sweep: $total files: $(c same) identical code objects, $(c same-error) identical errors; $(c differs) differ, $(c error-differs) errors differ, $(c status) exit statuses differ (details: $OUT)"
[ "$(( $(c same) + $(c same-error) ))" -eq "$total" ]
