#!/bin/sh
# tests/gen/pyasm.sh: regenerate the golden files of tests/pyasm.bats from
# CPython 3.11.  tests/cases/pyasm/NAME.cfg are hand-written (pseudo-ops,
# malformed input); for each NAME.py beside them, CPython's compiled code
# gives NAME.dis (the listing pydis must print of pyasm's output) and
# NAME.show (dis.code_info, incl. CPython's stack size).  The CFG inputs
# shared with tests/pydis.bats are made by tests/gen/pydis.sh.
set -e
cd "$(dirname "$0")/../cases/pyasm"
for src in *.py; do
    n=${src%.py}
    /usr/bin/python3 ../../gen/cpy2cfg.py --dis "$src" > "$n.dis"
    /usr/bin/python3 ../../gen/cpy2cfg.py --show "$src" > "$n.show"
done
