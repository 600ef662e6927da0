#!/bin/sh
# tests/gen/pysym.sh: regenerate the golden files of tests/pysym.bats from
# CPython 3.11 (never from our tools).  For each tests/cases/pysym/NAME.py:
#   NAME.ast       the input: header + `/usr/bin/python3 -m ast -a --no-type-comments`
#   NAME.expected  ok_*:  CPython's symtable in our format (tests/symtable_oracle.py)
#   layout_noattrs.ast  ok_class_body as ast.dump() without attributes or indent
#   NAME.err       err_*: what `/usr/bin/python3 NAME.py` prints on stderr
#                  (its absolute path shortened to NAME.py, as pysym names it)
set -eu
cd "$(dirname "$0")/../cases/pysym"
ORACLE=../../symtable_oracle.py
for f in *.py; do
    b=${f%.py}
    { echo "pyfmt ast 1 $f"; /usr/bin/python3 -m ast -a --no-type-comments "$f"; } > "$b.ast"
    case $b in
    err_*)
        if /usr/bin/python3 "$PWD/$f" >/dev/null 2>"$b.err.tmp"; then
            echo "$f: CPython accepted it" >&2; rm -f "$b.err.tmp"; exit 1
        fi
        sed "s|$PWD/||" "$b.err.tmp" > "$b.err"; rm -f "$b.err.tmp" ;;
    *)
        /usr/bin/python3 "$ORACLE" "$f" > "$b.expected" ;;
    esac
done
# the same tree in another layout: no attributes, no indent, one line
{ echo "pyfmt ast 1 ok_class_body.py"
  /usr/bin/python3 -c 'import ast, sys; print(ast.dump(ast.parse(open(sys.argv[1]).read())))' ok_class_body.py
} > layout_noattrs.ast
echo "regenerated $(ls *.py | wc -l) cases"
