#!/bin/sh
# tests/gen/pyparse.sh: regenerate the golden files of tests/pyparse.bats
# from CPython 3.11 (never from our own tools).
#
# tests/gen/invalid-programs.txt holds invalid programs, each after a line
# "### NAME".  For each one this writes, under tests/cases/pyparse/invalid/:
#   NAME.py   the program
#   NAME.tok  its token stream: "pyfmt tokens 1 NAME.py" + python3 -m tokenize -e
#   NAME.err  what `python3 NAME.py` prints on stderr (the SyntaxError)
set -e
PY=/usr/bin/python3
cd "$(dirname "$0")/../cases/pyparse"
# CPython's stderr for a 40000-term sum, too deep for its compiler
# (tests/pyparse.bats makes the same program).
$PY -c "print('x = ' + '+'.join(['1'] * 40000))" > /tmp/pyparse-deep-sum.$$.py
$PY /tmp/pyparse-deep-sum.$$.py > /dev/null 2> deep_sum.err || true
rm -f /tmp/pyparse-deep-sum.$$.py
rm -rf invalid
mkdir invalid
$PY - <<'PYEOF'
import re
text = open('../../gen/invalid-programs.txt').read()
for part in re.split(r'^### ', text, flags=re.M)[1:]:
    name, _, body = part.partition('\n')
    with open('invalid/%s.py' % name.strip(), 'w') as f:
        f.write(body)
PYEOF
cd invalid
for f in *.py; do
    n=${f%.py}
    # never run a program that compiles: it is not an invalid program
    if $PY -c 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")' "$f" 2>/dev/null; then
        echo "tests/gen/pyparse.sh: $f is valid Python; left out" >&2
        rm -f "$f"
        continue
    fi
    { echo "pyfmt tokens 1 $f"; $PY -m tokenize -e "$f"; } > "$n.tok" 2>/dev/null || rm -f "$n.tok"
    $PY "$f" 2>&1 >/dev/null | sed "s|File \"$PWD/|File \"|" > "$n.err" || true
done
