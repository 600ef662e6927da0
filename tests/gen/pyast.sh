#!/bin/sh
# tests/gen/pyast.sh: regenerate the golden files of tests/pyast.bats from
# CPython 3.11 (never from our own tools).  For each tests/cases/pyast/NAME.py:
#   NAME.tok  "pyfmt tokens 1 NAME.py" + `python3 -m tokenize -e NAME.py`
#   NAME.ast  `python3 -m ast -a --no-type-comments NAME.py`
#   NAME.i0   `python3 -m ast -i 0 NAME.py` (no attributes, indent 0)
set -e
PY=/usr/bin/python3
cd "$(dirname "$0")/../cases/pyast"
for f in *.py; do
    n=${f%.py}
    { echo "pyfmt tokens 1 $f"; $PY -m tokenize -e "$f"; } > "$n.tok"
    $PY -m ast -a --no-type-comments "$f" > "$n.ast"
    $PY -m ast -i 0 "$f" > "$n.i0"
done
