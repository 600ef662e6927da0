#!/bin/sh
# tests/gen/pyvm.sh: regenerate the expected outputs of tests/cases/pyvm/
# from CPython 3.11 (never from our own tools).
#
# For each tests/cases/pyvm/NAME.py, run from that directory as
# `/usr/bin/python3 NAME.py` with stdin from /dev/null, and record
# NAME.out (stdout), NAME.err (stderr) and NAME.status (exit status).
# CPython shows the script's absolute path in tracebacks; it is written as
# @DIR@ (the cases directory), which tests/pyvm.bats substitutes back.
set -u
PY=/usr/bin/python3
cd "$(dirname "$0")/../cases/pyvm" || exit 2
dir=$(pwd)
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || exit 2
for f in *.py; do
    n=${f%.py}
    "$PY" "$f" > "$n.out" 2> "$n.err" < /dev/null
    echo $? > "$n.status"
    # CPython names the main script by its absolute path: keep it portable
    sed -i "s|$dir/|@DIR@/|g" "$n.out" "$n.err"
done
echo "generated $(ls *.py | wc -l) cases"
