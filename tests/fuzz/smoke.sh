#!/bin/sh
# tests/fuzz/smoke.sh: the CI fuzz smoke run (issue #10), about 90 seconds.
#
#   tests/fuzz/smoke.sh [SECONDS]
#
# Needs the targets built by `make fuzz` (bin/fuzz/fuzz-<tool>, or FUZZ_DIR).
# 1. Replay (deterministic, must pass): each target runs once on every
#    checked-in input of its format: tests/fuzz/corpus/<tool>/ (seeds),
#    regress/ (past findings), malformed/ and hostile/, and for pyvm and
#    pydis the corrupted code objects of tests/cases/robust/code/.  A crash,
#    sanitizer report or timeout there fails the script (exit 1): it is a
#    regression, reproducible with `bin/fuzz/fuzz-<tool> FILE`.
# 2. Random (SECONDS per target, default 8): tests/fuzz/run.sh from the
#    seeds.  Its findings are printed with the saved input under
#    bin/fuzz/artifacts/ but only WARN (exit status unaffected): a random
#    run finds different things on every machine, and a new finding should
#    become a regress/ input and a fix, not a red build for an unrelated
#    change.  Set FUZZ_SMOKE_STRICT=1 to make them fail too; SECONDS 0
#    skips this part.
set -u
cd "$(dirname "$0")/../.."
secs=${1:-8}
dir=${FUZZ_DIR:-bin/fuzz}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
mkdir -p "$dir/logs"
status=0
for t in pytok pyparse pyast pysym pycfg pyasm pydis pyvm; do
    bin=$dir/fuzz-$t
    [ -x "$bin" ] || { echo "smoke: $bin missing: run make fuzz first" >&2; exit 2; }
    set --
    for d in corpus regress malformed hostile accepted; do
        [ -d "tests/fuzz/$d/$t" ] || continue
        for f in "tests/fuzz/$d/$t"/*; do [ -f "$f" ] && set -- "$@" "$f"; done
    done
    case $t in
    pyvm|pydis) for f in tests/cases/robust/code/*.pyc; do set -- "$@" "$f"; done ;;
    esac
    log=$dir/logs/replay-$t.log
    # a list of files (not directories): each is run once, nothing is written
    if "$bin" -timeout=20 -rss_limit_mb=2048 -detect_leaks=0 -close_fd_mask=3 "$@" > "$log" 2>&1; then
        echo "replay $t: $# inputs, ok"
    else
        echo "replay $t: FAILED on its checked-in inputs; log $log:"
        grep -m 5 -E 'ERROR: |runtime error|SUMMARY|Running: ' "$log" | sed 's/^/    /'
        status=1
    fi
done
[ "$secs" -gt 0 ] || exit $status
out=$(sh tests/fuzz/run.sh "$secs")
rc=$?
echo "$out" | sed 's/^/random /'
if [ "$rc" -ne 0 ]; then
    if [ "${FUZZ_SMOKE_STRICT:-0}" = 1 ]; then
        status=1
    else
        echo "smoke: WARNING: the random run found something (above); it does not fail the build:" \
             "minimise it, fix it, add it to tests/fuzz/regress/"
    fi
fi
exit $status
