#!/bin/sh
# bench/run.sh BINDIR: each bench/*.py under pyvm and /usr/bin/python3 in the
# same run; prints per-program medians and the ratio pyvm/python3, then the
# geometric mean of the ratios.  The program is compiled once (pytok..pyasm);
# only its execution by pyvm is timed, as python3's whole run is (python3
# compiles too, from its own cache).  RUNS (default 5) runs each, interleaved.
set -u
bin=${1:-bin}
PY=${PYTHON:-/usr/bin/python3}
RUNS=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# Wall time of one command in seconds (stdout/stderr discarded).
elapsed() {
    "$PY" - "$@" <<'X'
import subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
d = time.perf_counter() - t
print("%.6f" % d if r.returncode == 0 else "fail")
X
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "fail"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

printf '%-16s %10s %10s %8s\n' program pyvm python3 ratio
: > "$tmp/ratios"
for f in "$here"/*.py; do
    n=$(basename "$f" .py)
    if ! "$bin/pytok" "$f" | "$bin/pyparse" | "$bin/pyast" | "$bin/pysym" \
         | "$bin/pycfg" | "$bin/pyasm" -o "$tmp/$n.pyc" 2>/dev/null; then
        printf '%-16s %10s\n' "$n" "no-compile"; continue
    fi
    : > "$tmp/a"; : > "$tmp/b"
    i=0
    while [ $i -lt "$RUNS" ]; do
        elapsed "$bin/pyvm" "$tmp/$n.pyc" >> "$tmp/a"
        elapsed "$PY" "$f" >> "$tmp/b"
        i=$((i + 1))
    done
    if grep -q fail "$tmp/a"; then
        printf '%-16s %10s %10s\n' "$n" "fails" "$(median < "$tmp/b")"; continue
    fi
    a=$(median < "$tmp/a"); b=$(median < "$tmp/b")
    lo=$(sort -n "$tmp/a" | head -1); hi=$(sort -n "$tmp/a" | tail -1)
    r=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')
    echo "$r" >> "$tmp/ratios"
    printf '%-16s %10.3f %10.3f %8s   (pyvm min %.3f max %.3f)\n' "$n" "$a" "$b" "$r" "$lo" "$hi"
done
awk '{s += log($1); n++} END {if (n) printf "geometric mean of %d ratios: %.2f\n", n, exp(s / n); else print "no benchmark ran"}' "$tmp/ratios"
