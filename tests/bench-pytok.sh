#!/bin/sh
# tests/bench-pytok.sh: how fast pytok tokenizes the standard library,
# against CPython's tokenizers in the same run.
#
#   sh tests/bench-pytok.sh [BINDIR] [DIR] [RUNS]
#
# Prints MB/s of source (DIR's .py files, default /usr/lib/python3.11) for
#   pytok, one process per file, output written to a file;
#   pytok, all files concatenated into one input (no per-process cost);
#   CPython's C tokenizer alone (_tokenize.TokenizerIter, 3.11), in one process;
#   python3 -m tokenize's tokenizer (tokenize.tokenize), in one process.
# Each figure is the median of RUNS runs (default 3), in wall-clock time and
# in CPU time (user + system; steadier when the machine is shared and busy).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../bin}
dir=${2:-/usr/lib/python3.11}
runs=${3:-3}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

find -L "$dir" -name '*.py' -type f | LC_ALL=C sort > "$tmp/files"
while IFS= read -r f; do cat "$f"; printf '\n'; done < "$tmp/files" > "$tmp/all.py"
bytes=$(while IFS= read -r f; do cat "$f"; done < "$tmp/files" | wc -c)
nfiles=$(wc -l < "$tmp/files")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rate() { awk -v b="$1" -v t="$2" 'BEGIN {printf "%.1f", b / 1e6 / t}'; }

cpu() { /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" > /dev/null 2>&1 || true
        awk '{print $1, $2 + $3}' "$tmp/time"; }
i=0; : > "$tmp/t1"; : > "$tmp/t2"
while [ $i -lt "$runs" ]; do
    cpu sh -c 'while IFS= read -r f; do "$1" -o "$2" "$f"; done < "$3"' sh \
        "$bin/pytok" "$tmp/out" "$tmp/files" >> "$tmp/t1"
    cpu "$bin/pytok" -o "$tmp/out" "$tmp/all.py" >> "$tmp/t2"
    i=$((i + 1))
done
tp=$(cut -d' ' -f1 "$tmp/t1" | median); tpc=$(cut -d' ' -f2 "$tmp/t1" | median)
tc=$(cut -d' ' -f1 "$tmp/t2" | median); tcc2=$(cut -d' ' -f2 "$tmp/t2" | median)

"$py" - "$tmp/files" "$runs" > "$tmp/py" <<'PYEOF'
import io, sys, time, tokenize, _tokenize
files = open(sys.argv[1]).read().split("\n")[:-1]
runs = int(sys.argv[2])
srcs = [open(f, "rb").read() for f in files]
texts = []
for s in srcs:
    enc, _ = tokenize.detect_encoding(io.BytesIO(s).readline)
    texts.append(s.decode(enc))
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
def c_tok():
    for s in texts:
        for _ in _tokenize.TokenizerIter(s):
            pass
def py_tok():
    for s in srcs:
        for _ in tokenize.tokenize(io.BytesIO(s).readline):
            pass
print(*bench(c_tok), *bench(py_tok))
PYEOF
read tcc tccc tpy tpyc < "$tmp/py"

echo "source: $nfiles files, $bytes bytes under $dir (median of $runs runs)"
echo "                                                  wall      CPU"
printf '%-46s %6s MB/s %6s MB/s\n' \
    "pytok, one process per file, output written:" "$(rate "$bytes" "$tp")" "$(rate "$bytes" "$tpc")" \
    "pytok, all files as one input, output written:" "$(rate "$bytes" "$tc")" "$(rate "$bytes" "$tcc2")" \
    "CPython's C tokenizer (_tokenize), no output:" "$(rate "$bytes" "$tcc")" "$(rate "$bytes" "$tccc")" \
    "python3 -m tokenize's tokenizer, no output:" "$(rate "$bytes" "$tpy")" "$(rate "$bytes" "$tpyc")"
