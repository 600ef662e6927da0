#!/bin/sh
# tests/gen/pydis.sh: regenerate the golden files of tests/pydis.bats (and
# the CFG inputs that tests/pyasm.bats shares) from CPython 3.11.
#
# For each tests/cases/pydis/NAME.py:
#   NAME.cfg   CPython's code objects rewritten as CFG text (cpy2cfg.py)
#   NAME.show  dis.code_info() of CPython's code objects (pydis --show-code)
#   NAME.dis   CPython's dis formatter applied to the rewritten code (pydis)
#   NAME.out   what `python3 NAME.py` prints (pyvm running pyasm's output)
# and the invalid binaries bad_*.pyc made by badcode.py.
set -e
cd "$(dirname "$0")/../cases/pydis"
PY=/usr/bin/python3
GEN=../../gen/cpy2cfg.py
for src in *.py; do
    n=${src%.py}
    $PY $GEN "$src" > "$n.cfg"
    $PY $GEN --show "$src" > "$n.show"
    $PY $GEN --dis "$src" > "$n.dis"
    # tracebacks name the script by its absolute path: keep the base name
    $PY "$src" 2>&1 | sed "s|$(pwd)/||g" > "$n.out"
done
$PY ../../gen/badcode.py .
