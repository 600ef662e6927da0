#!/bin/bash
# tests/gen/robust.sh: regenerate the golden files of tests/robust.bats from
# CPython 3.11 (never from our own tools), so that the tests themselves do
# not run python3.
#
# Writes under tests/cases/robust/:
#   huge_literal.sha256  sha256sum of `python3 -m ast -a` on the 2 MB string
#                        literal that robust.bats makes (the input's own
#                        sha256 is the first line, so a change in how the
#                        test makes it shows up as a mismatch, not a
#                        wrong AST)
#   vm/NAME.status       CPython's exit status for vm/NAME.py
#   vm/NAME.out          its stdout
#   vm/NAME.err          CPython's stderr, run as `cd vm; python3 NAME.py`
#                        (the mem_* programs under `ulimit -v 400000`),
#                        this directory's path written @DIR@
#   pyrun/NAME.status    CPython's exit status for tests/fuzz/malformed/pyrun/NAME
#                        (malformed source: pyrun must answer as CPython)
#   pyrun/NAME.err       its stderr, run as `cd tests/fuzz/malformed/pyrun;
#                        python3 NAME`, that directory's path written @DIR@
# The corrupted code objects (tests/cases/robust/code/) come from
# tests/gen/robust-code.py, which needs our pyasm.
set -euo pipefail
PY=/usr/bin/python3
cd "$(dirname "$0")/../cases/robust"

# The same bytes as robust.bats' huge_literal(): x = "abab...ab" (2 MB).
huge_literal() {
    printf 'x = "'
    head -c 2000000 /dev/zero | tr '\0' a | sed 's/aa/ab/g'
    printf '"\n'
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
huge_literal > "$tmp/h.py"
{
    sha256sum < "$tmp/h.py" | cut -d' ' -f1
    $PY -m ast -a --no-type-comments "$tmp/h.py" | sha256sum | cut -d' ' -f1
} > huge_literal.sha256

cd vm
for f in *.py; do
    n=${f%.py}
    rc=0
    case $n in
    mem_*) (ulimit -v 400000; $PY "$f" > "$n.out" 2> "$n.err") || rc=$? ;;
    *) $PY "$f" > "$n.out" 2> "$n.err" || rc=$? ;;
    esac
    echo "$rc" > "$n.status"
    # CPython names the file by its absolute path: the test puts it back
    sed -i "s|$PWD/|@DIR@/|g" "$n.err" "$n.out"
done
nvm=$(ls *.py | wc -l)

out=$PWD/../pyrun
mkdir -p "$out"
rm -f "$out"/*.err "$out"/*.status
cd ../../../fuzz/malformed/pyrun
for n in *; do
    rc=0
    timeout 60 $PY "$n" > /dev/null 2> "$out/$n.err" || rc=$?
    echo "$rc" > "$out/$n.status"
    sed -i "s|$PWD/|@DIR@/|g" "$out/$n.err"
done
echo "robust.sh: $nvm vm programs, $(ls | wc -l) malformed pyrun inputs, huge_literal.sha256"
