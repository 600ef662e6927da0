#!/bin/sh
# tests/gen/valgrind-frontend.sh: leak check of the front-end tools.
#
#   tests/gen/valgrind-frontend.sh [BINDIR] [PROGRAM.py...]
#
# Runs every stage of the compile pipeline (pytok pyparse pyast pysym pycfg
# pyasm) under `valgrind --leak-check=full --errors-for-leak-kinds=definite`
# on each program (default: tests/programs/*.py), each stage reading the
# previous stage's output.  A stage that fails on its input (a program that
# is meant to raise SyntaxError) ends that program's pipeline; that is not
# a finding.  A finding is a "definitely lost" block or a memory error
# (valgrind's exit status 99).  Not part of `make test` (it takes a while);
# run under nice.  BINDIR defaults to bin/rob (build it with
# `make BUILD=bin/rob`).  Prints one line per finding and a summary:
#     valgrind-frontend: 1722 runs, 0 with definite leaks or errors
# Progress (one line per program) goes to stderr.  Exit status 1 when there
# is a finding.
#
#   tests/gen/valgrind-frontend.sh --in-process [BINDIR] [PROGRAM.py...]
#
# is the quick form: one valgrind run of `pyrun --compile-only` over all
# the programs, the same stage code linked as a library (libstage/front.c),
# without the text formats between the stages and their readers.
set -u
cd "$(dirname "$0")/../.."
inproc=0
if [ "${1:-}" = --in-process ]; then inproc=1; shift; fi
bindir=${1:-bin/rob}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then set -- tests/programs/*.py; fi
command -v valgrind >/dev/null 2>&1 || { echo "valgrind-frontend: valgrind not installed" >&2; exit 2; }
if [ "$inproc" = 1 ]; then
    log=$(mktemp)
    rc=0
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
        --error-exitcode=99 --log-file="$log" "$bindir/pyrun" --compile-only "$@" \
        > /dev/null 2>&1 || rc=$?
    if [ "$rc" -eq 99 ] || grep -q 'definitely lost' "$log"; then
        echo "FINDING: pyrun --compile-only"
        sed 's/^/    /' "$log" | head -60
        rm -f "$log"
        echo "valgrind-frontend: in-process over $# programs: findings"
        exit 1
    fi
    rm -f "$log"
    echo "valgrind-frontend: in-process over $# programs (exit $rc), no definite leaks or errors"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=0
bad=0
for prog in "$@"; do
    in=$prog
    for t in pytok pyparse pyast pysym pycfg pyasm; do
        out=$tmp/out.$t
        runs=$((runs + 1))
        rc=0
        valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
            --show-leak-kinds=definite --error-exitcode=99 \
            --log-file="$tmp/vg.log" "$bindir/$t" "$in" > "$out" 2> "$tmp/err" || rc=$?
        if [ "$rc" -eq 99 ] || grep -q 'definitely lost' "$tmp/vg.log"; then
            bad=$((bad + 1))
            echo "FINDING: $t on $prog (from $(basename "$in"))"
            sed 's/^/    /' "$tmp/vg.log" | head -40
        fi
        [ "$rc" -eq 0 ] || break
        in=$out
    done
    echo "valgrind-frontend: $prog done ($runs runs, $bad findings so far)" >&2
done
echo "valgrind-frontend: $runs runs, $bad with definite leaks or errors"
[ "$bad" -eq 0 ]
