#!/bin/sh
# bench/frontend.sh: how fast the front end (pytok | pyparse | pyast | pysym
# | pycfg | pyasm) compiles the standard library, against CPython 3.11's
# compile() in the same run (issue 11, front-end target).
#
#   sh bench/frontend.sh [BINDIR [DIR [RUNS]]]
#   QUICK=1 sh bench/frontend.sh ...    only (i), (f) and (b)
#
# BINDIR defaults to bin/ beside this script's directory, DIR to
# /usr/lib/python3.11 (668 .py files), RUNS to 3.  It measures:
#   (i) the in-process front end (libstage/front.h, ls_compile: the same
#       stages handing their results over in memory), one file at a time
#       in ONE process: `pyrun --compile-only --stats FILE...` reads each
#       file, compiles it in an arena of its own and frees it; total CPU
#       time (reading included) and, from --stats, each stage's CPU time
#       and MB/s of source (tokenize, parse, ast, symtable, cfg, assemble);
#   (f) the same, one `pyrun --compile-only -o OUT FILE` process per file
#       (process start-up and writing the .pyc included);
#   (a) the whole pipeline, one file at a time (six processes per file, as a
#       user runs it), the .pyc written to a file: total wall and CPU time;
#   (b) CPython compiling the same files with compile(src, path, 'exec') in
#       ONE /usr/bin/python3 process, the sources read beforehand (reading is
#       not timed), warnings silenced: total wall and CPU time;
#   (c) each stage alone, one process per file, over that stage's inputs
#       made beforehand in a temporary directory: seconds and MB/s of the
#       stage's INPUT (so pytok's figure is MB/s of Python source, pyasm's of
#       CFG text), plus the source MB/s each stage would sustain alone;
#   (d) the start-up floor: (a) again with an empty file in place of each
#       source, i.e. what the 6 x N process creations alone cost;
# and the ratio pipeline / CPython.  Every figure is the median of RUNS runs.
# CPU time is user + system of the process and its children, the steadier
# figure on a shared machine; wall time is printed beside it.
#
# Files the pipeline rejects (a SyntaxError CPython also reports, or a
# missing feature) are counted and listed; they stay in the timings.
# The headline ratio is (i) / (b); (a) / (b) is printed too.
set -eu
quick=${QUICK:-0}
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../bin}" && pwd)
dir=${2:-/usr/lib/python3.11}
runs=${3:-3}
py=/usr/bin/python3
stages="pytok pyparse pyast pysym pycfg pyasm"
for t in $stages pyrun; do
    [ -x "$bin/$t" ] || { echo "frontend.sh: $bin/$t: not built (run make)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

find "$dir" -name '*.py' \( -type f -o -type l \) | LC_ALL=C sort > "$tmp/files"
nfiles=$(wc -l < "$tmp/files")
srcbytes=$(while IFS= read -r f; do cat "$f"; done < "$tmp/files" | wc -c)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed CMD...: appends "wall cpu" of CMD (children included) to $tmp/t
timed() {
    /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" > /dev/null 2>&1 || true
    awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$tmp/time" >> "$tmp/t"
}
med_of() { cut -d' ' -f"$1" "$tmp/t" | median; }
mbs() { awk -v b="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.2f", b / 1e6 / t; else print "-" }'; }

# --- (i) in-process, one process; (f) in-process, a process per file -------
: > "$tmp/t"
i=0
while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "%e %U %S" -o "$tmp/time" sh -c '
        IFS="
"
        exec "$1" --compile-only --stats -- $(cat "$2")' sh "$bin/pyrun" "$tmp/files" \
        > "$tmp/stats.$i" 2>/dev/null || true
    awk -v i="$i" '{printf "%.3f %.3f %d\n", $1, $2 + $3, i}' "$tmp/time" >> "$tmp/t"
    i=$((i + 1))
done
iw=$(med_of 1); ic=$(med_of 2)
imin=$(cut -d' ' -f2 "$tmp/t" | sort -n | head -1)
imax=$(cut -d' ' -f2 "$tmp/t" | sort -n | tail -1)
# the per-stage figures of the median run (by CPU)
imed=$(sort -n -k2 "$tmp/t" | awk '{a[NR]=$3} END {print a[int((NR+1)/2)]}')
cp "$tmp/stats.$imed" "$tmp/stats"
: > "$tmp/t"
i=0
while [ $i -lt "$runs" ]; do
    timed sh -c 'while IFS= read -r f; do "$1" --compile-only -o "$2" "$f"; done < "$3"' \
        sh "$bin/pyrun" "$tmp/out" "$tmp/files"
    i=$((i + 1))
done
fw=$(med_of 1); fc=$(med_of 2)

if [ "$quick" = 0 ]; then
# --- inputs of every stage, one file per source file, numbered ------------
mkdir "$tmp/in"
: > "$tmp/rejected"
n=0
while IFS= read -r f; do
    n=$((n + 1))
    cp "$f" "$tmp/in/$n.py"
    if ! { "$bin/pytok" "$f" > "$tmp/in/$n.tok" &&
           "$bin/pyparse" "$tmp/in/$n.tok" > "$tmp/in/$n.cst" &&
           "$bin/pyast" "$tmp/in/$n.cst" > "$tmp/in/$n.ast" &&
           "$bin/pysym" "$tmp/in/$n.ast" > "$tmp/in/$n.sym" &&
           "$bin/pycfg" "$tmp/in/$n.sym" > "$tmp/in/$n.cfg" &&
           "$bin/pyasm" "$tmp/in/$n.cfg" > "$tmp/in/$n.pyc"; } 2>/dev/null; then
        echo "$f" >> "$tmp/rejected"
    fi
done < "$tmp/files"
nrej=$(wc -l < "$tmp/rejected")

# --- (a) the whole pipeline, one file at a time ---------------------------
: > "$tmp/t"
i=0
while [ $i -lt "$runs" ]; do
    timed sh -c 'b=$1
        while IFS= read -r f; do
            "$b/pytok" "$f" | "$b/pyparse" | "$b/pyast" | "$b/pysym" |
                "$b/pycfg" | "$b/pyasm" -o "$2"
        done < "$3"' sh "$bin" "$tmp/out" "$tmp/files"
    i=$((i + 1))
done
pw=$(med_of 1); pc=$(med_of 2)
pmin=$(cut -d' ' -f2 "$tmp/t" | sort -n | head -1)
pmax=$(cut -d' ' -f2 "$tmp/t" | sort -n | tail -1)

# --- (d) the start-up floor: the same pipelines over an empty file ----------
: > "$tmp/empty.py"
: > "$tmp/t"
i=0
while [ $i -lt "$runs" ]; do
    timed sh -c 'b=$1
        while IFS= read -r f; do
            "$b/pytok" "$2" | "$b/pyparse" | "$b/pyast" | "$b/pysym" |
                "$b/pycfg" | "$b/pyasm" -o "$3"
        done < "$4"' sh "$bin" "$tmp/empty.py" "$tmp/out" "$tmp/files"
    i=$((i + 1))
done
ew=$(med_of 1); ec=$(med_of 2)
fi

# --- (b) CPython's compile() in one process -------------------------------
"$py" - "$tmp/files" "$runs" > "$tmp/py" 2>/dev/null <<'PYEOF'
import sys, time, warnings
warnings.simplefilter("ignore")
files = open(sys.argv[1]).read().split("\n")[:-1]
runs = int(sys.argv[2])
srcs = [open(f, "rb").read() for f in files]
def once():
    for f, s in zip(files, srcs):
        try:
            compile(s, f, "exec")
        except (SyntaxError, ValueError):
            pass
wall, cpu = [], []
for _ in range(runs):
    t, c = time.perf_counter(), time.process_time()
    once()
    wall.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
med = lambda xs: sorted(xs)[(len(xs) - 1) // 2]
print("%.3f %.3f %.3f %.3f" % (med(wall), med(cpu), min(cpu), max(cpu)))
PYEOF
read cw cc cmin cmax < "$tmp/py"

# --- (c) each stage alone over its pre-made inputs ------------------------
: > "$tmp/stages"
if [ "$quick" = 0 ]; then
set -- py tok cst ast sym cfg
for t in $stages; do
    ext=$1; shift
    : > "$tmp/t"
    i=0
    while [ $i -lt "$runs" ]; do
        timed sh -c 'n=1
            while [ -e "$2/$n.py" ]; do
                "$1" -o "$3" "$2/$n.'"$ext"'" 2>/dev/null || :
                n=$((n + 1))
            done' sh "$bin/$t" "$tmp/in" "$tmp/out"
        i=$((i + 1))
    done
    bytes=$(cat "$tmp/in"/*."$ext" | wc -c)
    echo "$t $ext $bytes $(med_of 1) $(med_of 2)" >> "$tmp/stages"
done
fi

# --- the report -----------------------------------------------------------
echo "front end: $nfiles files, $srcbytes bytes of source under $dir; median of $runs runs"
echo "(CPU = user + system, children included; the steadier figure on a shared machine)"
echo
echo "in-process stages (ls_compile; median run of (i)): CPU seconds and MB/s of source"
printf '%-10s %8s %10s\n' stage "CPU s" "MB/s"
awk 'NR > 1 && NF >= 5 { printf "%-10s %8s %10s\n", $1, $2, $4 }' "$tmp/stats"
echo
if [ "$quick" = 0 ]; then
echo "each stage as its own process over its text input:"
printf '%-8s %-22s %10s %8s %8s %10s %10s\n' stage "input" "MB in" "wall s" "CPU s" "MB/s CPU" "src MB/s"
while read -r t ext bytes w c; do
    case $ext in py) what="Python source";; tok) what="tokens text";;
        cst) what="parse tree text";; ast) what="AST text";;
        sym) what="AST + symtables text";; cfg) what="CFG text";; esac
    printf '%-8s %-22s %10s %8s %8s %10s %10s\n' "$t" "$what" \
        "$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')" "$w" "$c" \
        "$(mbs "$bytes" "$c")" "$(mbs "$srcbytes" "$c")"
done < "$tmp/stages"
sw=$(awk '{s += $4} END {printf "%.3f", s}' "$tmp/stages")
sc=$(awk '{s += $5} END {printf "%.3f", s}' "$tmp/stages")
printf '%-8s %-22s %10s %8s %8s %10s %10s\n' "sum" "" "" "$sw" "$sc" "" "$(mbs "$srcbytes" "$sc")"
echo
fi
printf '%-58s %8s %8s %10s\n' "" "wall s" "CPU s" "src MB/s"
printf '%-58s %8s %8s %10s\n' \
    "(i) in-process ls_compile, one file at a time, one process" "$iw" "$ic" "$(mbs "$srcbytes" "$ic")" \
    "(f) in-process, one pyrun --compile-only process per file" "$fw" "$fc" "$(mbs "$srcbytes" "$fc")" \
    "(b) CPython 3.11 compile(), one process" "$cw" "$cc" "$(mbs "$srcbytes" "$cc")"
if [ "$quick" = 0 ]; then
printf '%-58s %8s %8s %10s\n' \
    "(a) pipeline pytok|...|pyasm, one file at a time" "$pw" "$pc" "$(mbs "$srcbytes" "$pc")" \
    "(d) start-up floor: (a) with every file empty" "$ew" "$ec" ""
fi
echo
echo "CPU min..max over the runs: in-process $imin..$imax s, CPython $cmin..$cmax s"
awk -v iw="$iw" -v ic="$ic" -v cw="$cw" -v cc="$cc" 'BEGIN {
    printf "ratio in-process / CPython: %.2f (CPU), %.2f (wall)  [target: < 1]\n",
        ic / cc, iw / cw }'
awk -v fc="$fc" -v cc="$cc" 'BEGIN {
    printf "ratio one process per file / CPython: %.2f (CPU)\n", fc / cc }'
if [ "$quick" = 0 ]; then
awk -v pw="$pw" -v pc="$pc" -v cw="$cw" -v cc="$cc" 'BEGIN {
    printf "ratio text pipeline / CPython: %.2f (CPU), %.2f (wall)\n",
        pc / cc, pw / cw }'
echo "files the pipeline rejected: $nrej"
sed 's/^/  /' "$tmp/rejected"
fi
