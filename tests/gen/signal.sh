#!/bin/sh
# tests/gen/signal.sh: the expected files of tests/signal.bats, from
# CPython 3.11: each tests/cases/signal/NAME.py run by signal-run.sh with
# /usr/bin/python3 gives NAME.out, NAME.err and NAME.status (the case
# directory's path written as @DIR@).  Run it after changing a case.
set -eu
PY=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
cases=$here/../cases/signal
dir=$(cd "$cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$cases"/*.py; do
    n=$(basename "$f" .py)
    bash "$here/signal-run.sh" "$PY" "$f" "$tmp" 2> /dev/null
    sed "s|$dir/|@DIR@/|g" "$tmp/out" > "$cases/$n.out"
    sed "s|$dir/|@DIR@/|g" "$tmp/err" > "$cases/$n.err"
    cp "$tmp/status" "$cases/$n.status"
done
echo "signal.sh: $(ls "$cases"/*.py | wc -l) cases"
