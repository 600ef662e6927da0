#!/bin/sh
# bench/run.sh BINDIR: each bench/*.py under pyvm and /usr/bin/python3 in the
# same run.  The program is compiled once (pytok..pyasm) and its output
# checked against python3's; only its execution by pyvm is timed, as
# python3's whole run is (python3 compiles too, from its own cache).  RUNS
# (default 5) runs of each, interleaved, by bench/measure.py.
#
# Printed per program: median CPU time (user + system) of each, their
# ratio, the noise (max/min of pyvm's and of python3's runs) and the peak
# RSS of each in KiB; then the geometric mean and the largest ratio, and
# the start-up line: an empty module under pyvm against `python3 -c pass`
# (STARTRUNS, default 20, runs each).  CPU time, not wall time: the machine
# is shared, and CPU time moves less with the load.
set -u
bin=${1:-bin}
PY=${PYTHON:-/usr/bin/python3}
RUNS=${RUNS:-5}
STARTRUNS=${STARTRUNS:-20}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

compile() {
    "$bin/pytok" "$1" | "$bin/pyparse" | "$bin/pyast" | "$bin/pysym" \
        | "$bin/pycfg" | "$bin/pyasm" -o "$2" 2>/dev/null
}

printf '%-15s %8s %8s %6s %7s %7s %8s %8s\n' program pyvm python3 ratio \
    'noise-vm' 'noise-py' 'rss-vm' 'rss-py'
: > "$tmp/ratios"
for f in "$here"/*.py; do
    n=$(basename "$f" .py)
    [ "$n" = measure ] && continue
    if ! compile "$f" "$tmp/$n.pyc"; then
        printf '%-15s %8s\n' "$n" "no-compile"; continue
    fi
    "$bin/pyvm" "$tmp/$n.pyc" > "$tmp/out.vm" 2>&1
    "$PY" "$f" > "$tmp/out.py" 2>&1
    if ! cmp -s "$tmp/out.vm" "$tmp/out.py"; then
        printf '%-15s %8s\n' "$n" "WRONG-OUTPUT"; continue
    fi
    "$PY" "$here/measure.py" "$RUNS" "$bin/pyvm" "$tmp/$n.pyc" --vs "$PY" "$f" > "$tmp/m"
    if grep -q fail "$tmp/m"; then
        printf '%-15s %8s\n' "$n" "fails"; continue
    fi
    set -- $(sed -n 1p "$tmp/m") $(sed -n 2p "$tmp/m")
    # $1 median, $2 min, $3 max, $4 rss, $5 wall (pyvm); $6..$10 python3
    awk -v n="$n" -v a="$1" -v amin="$2" -v amax="$3" -v arss="$4" \
        -v b="$6" -v bmin="$7" -v bmax="$8" -v brss="$9" 'BEGIN {
        r = a / b
        printf "%-15s %8.3f %8.3f %6.2f %7.2f %7.2f %8d %8d%s\n", n, a, b, r,
            amax / amin, bmax / bmin, arss, brss, (arss > brss ? "  rss>py" : "")
        printf "%.4f\n", r >> "'"$tmp/ratios"'"
    }'
done
awk '{s += log($1); n++; if ($1 > m) m = $1}
     END {if (n) printf "geometric mean of %d ratios: %.2f   largest: %.2f\n", n, exp(s / n), m;
          else print "no benchmark ran"}' "$tmp/ratios"

# start-up: an empty module
: > "$tmp/empty.py"
if compile "$tmp/empty.py" "$tmp/empty.pyc"; then
    "$PY" "$here/measure.py" "$STARTRUNS" "$bin/pyvm" "$tmp/empty.pyc" --vs "$PY" -c pass \
        > "$tmp/m"
    set -- $(sed -n 1p "$tmp/m") $(sed -n 2p "$tmp/m")
    awk -v a="$5" -v b="${10}" -v ac="$1" -v bc="$6" -v arss="$4" -v brss="$9" 'BEGIN {
        printf "start-up (empty module, median wall of %d): pyvm %.2f ms, python3 -c pass %.2f ms, ratio %.2f (cpu %.2f / %.2f ms; rss %d / %d KiB)\n",
            '"$STARTRUNS"', a * 1000, b * 1000, a / b, ac * 1000, bc * 1000, arss, brss
    }'
fi
