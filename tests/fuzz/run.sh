#!/bin/sh
# tests/fuzz/run.sh: run every fuzz target (built by `make fuzz`) in turn.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# Runs each target for SECONDS (default 10), one at a time, one job, from
# its checked-in seeds (tests/fuzz/corpus/<target>/, read only) plus a
# working corpus under bin/fuzz/work/<target>/ that grows between runs.
# Prints one line per target:
#     pytok: 123456 execs, 0 crashes
# A crash, sanitizer report, timeout or out-of-memory is a finding: the
# input is saved as bin/fuzz/artifacts/<target>/crash-... (or timeout-,
# oom-, leak-), libFuzzer's log as bin/fuzz/logs/<target>.log, and the
# script exits 1 after the remaining targets have run.
# The tools' own messages are discarded (-close_fd_mask=2); sanitizer
# reports still reach the log.  FUZZ_DIR overrides bin/fuzz; FUZZ_FLAGS
# adds libFuzzer options.
set -u
cd "$(dirname "$0")/../.."
secs=${1:-10}
[ $# -gt 0 ] && shift
targets=${*:-pytok pyparse pyast pysym pycfg pyasm pydis pyvm}
dir=${FUZZ_DIR:-bin/fuzz}
status=0
for t in $targets; do
    bin=$dir/fuzz-$t
    if [ ! -x "$bin" ]; then
        echo "$t: $bin missing: run make fuzz first" >&2
        status=1
        continue
    fi
    mkdir -p "$dir/work/$t" "$dir/artifacts/$t" "$dir/logs"
    log=$dir/logs/$t.log
    # only this run's findings count: earlier ones stay in artifacts/
    stamp=$dir/logs/$t.start
    : > "$stamp"
    # leaks: a tool that exits early leaves its arena to the OS; the harness
    # frees what it can, so LeakSanitizer would only report false findings.
    # shellcheck disable=SC2086
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -detect_leaks=0 -close_fd_mask=2 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/$t/" ${FUZZ_FLAGS:-} \
        "$dir/work/$t" "tests/fuzz/corpus/$t" > "$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    crashes=$(find "$dir/artifacts/$t" -type f -newer "$stamp" | grep -c -E '/(crash|timeout|oom|leak|slow-unit)-')
    if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
    echo "$t: ${execs:-0} execs, $crashes crashes"
    if [ "$crashes" -ne 0 ]; then
        status=1
        grep -m 3 -E 'ERROR: |runtime error|SUMMARY' "$log" | sed "s/^/  $t: /"
        find "$dir/artifacts/$t" -type f -newer "$stamp" | sed "s|^|  $t: |"
    fi
done
exit $status
