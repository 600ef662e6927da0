#!/bin/sh
# tests/bench-pyast.sh: how fast pyparse + pyast turn the standard library's
# token streams into ASTs, against CPython's parser in the same run.
#
#   sh tests/bench-pyast.sh [BINDIR] [DIR] [RUNS]
#
# The token streams are made first with bin/pytok (not timed).  Then, for
# the .py files of DIR (default /usr/lib/python3.11), each figure the median
# of RUNS runs (default 3), CPU time (user + system) and wall-clock time:
#   ours:  pyparse | pyast, one pipeline per file, text in and out
#          (full trees, and collapsed trees with pyparse -c);
#   ours + pytok: the same with pytok in front (source to AST text);
#   CPython: ast.parse(source) of every file in one process (tokenizer +
#          parser + AST, no text output), and ast.parse + ast.dump(...,
#          include_attributes=True, indent=3), the text pyast writes.
# ratio = CPython time / our time: above 1 means we are faster.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../bin}
dir=${2:-/usr/lib/python3.11}
runs=${3:-3}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

find -L "$dir" -name '*.py' -type f | LC_ALL=C sort > "$tmp/files"
mkdir "$tmp/tok"
n=0
while IFS= read -r f; do
    n=$((n + 1))
    "$bin/pytok" -o "$tmp/tok/$n" "$f" 2>/dev/null || rm -f "$tmp/tok/$n"
done < "$tmp/files"
ls "$tmp/tok" | sort -n | sed "s|^|$tmp/tok/|" > "$tmp/toks"
nfiles=$(wc -l < "$tmp/toks")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cpu() { /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" > /dev/null 2>&1 || true
        awk '{print $1, $2 + $3}' "$tmp/time"; }
pipe() {  # $1: pyparse options
    cpu sh -c 'while IFS= read -r t; do "$1/pyparse" $3 "$t" | "$1/pyast" -o "$2"; done < "$4"' sh \
        "$bin" "$tmp/out" "$1" "$tmp/toks"
}
pipe_tok() {
    cpu sh -c 'while IFS= read -r f; do "$1/pytok" "$f" | "$1/pyparse" -c | "$1/pyast" -o "$2"; done < "$3"' sh \
        "$bin" "$tmp/out" "$tmp/files"
}
i=0; : > "$tmp/full"; : > "$tmp/coll"; : > "$tmp/tokp"
while [ $i -lt "$runs" ]; do
    pipe "" >> "$tmp/full"
    pipe -c >> "$tmp/coll"
    pipe_tok >> "$tmp/tokp"
    i=$((i + 1))
done
"$py" - "$tmp/files" "$runs" > "$tmp/py" <<'PYEOF'
import ast, sys, time
files = open(sys.argv[1]).read().split("\n")[:-1]
runs = int(sys.argv[2])
srcs = [open(f, "rb").read() for f in files]
def med(xs):
    return sorted(xs)[(len(xs) - 1) // 2]
def bench(fn):
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return med(wall), med(cpu)
def parse_all():
    for s in srcs:
        ast.parse(s)
def dump_all():
    for s in srcs:
        ast.dump(ast.parse(s), include_attributes=True, indent=3)
w, c = bench(parse_all); print("parse", w, c)
w, c = bench(dump_all); print("dump", w, c)
PYEOF
fw=$(cut -d' ' -f1 "$tmp/full" | median); fc=$(cut -d' ' -f2 "$tmp/full" | median)
cw=$(cut -d' ' -f1 "$tmp/coll" | median); cc=$(cut -d' ' -f2 "$tmp/coll" | median)
tw=$(cut -d' ' -f1 "$tmp/tokp" | median); tc=$(cut -d' ' -f2 "$tmp/tokp" | median)
pw=$(awk '$1=="parse"{print $2}' "$tmp/py"); pc=$(awk '$1=="parse"{print $3}' "$tmp/py")
dw=$(awk '$1=="dump"{print $2}' "$tmp/py"); dc=$(awk '$1=="dump"{print $3}' "$tmp/py")
awk -v n="$nfiles" -v fw="$fw" -v fc="$fc" -v cw="$cw" -v cc="$cc" -v tw="$tw" -v tc="$tc" \
    -v pw="$pw" -v pc="$pc" -v dw="$dw" -v dc="$dc" 'BEGIN {
    printf "files: %d (median of runs; seconds cpu / wall)\n", n
    printf "CPython ast.parse:               %7.2f cpu %7.2f wall\n", pc, pw
    printf "CPython ast.parse + ast.dump:    %7.2f cpu %7.2f wall\n", dc, dw
    printf "pyparse | pyast (full tree):     %7.2f cpu %7.2f wall   ratio vs ast.parse %.2f, vs parse+dump %.2f\n", fc, fw, pc / fc, dc / fc
    printf "pyparse -c | pyast:              %7.2f cpu %7.2f wall   ratio vs ast.parse %.2f, vs parse+dump %.2f\n", cc, cw, pc / cc, dc / cc
    printf "pytok | pyparse -c | pyast:      %7.2f cpu %7.2f wall   ratio vs ast.parse %.2f, vs parse+dump %.2f\n", tc, tw, pc / tc, dc / tc
}'
