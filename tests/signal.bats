#!/usr/bin/env bats
# tests/signal.bats: signals sent to a running program from outside
# (SIGINT, SIGTERM, SIGUSR1) and signals during a blocking input(): each
# tests/cases/signal/NAME.py is run by tests/gen/signal-run.sh, which sends
# the signals its "# send:" line lists; stdout, stderr and exit status must
# equal CPython's (NAME.out/.err/.status, made by tests/gen/signal.sh).
# Signals a program sends itself are tested by tests/programs/sig_*.py.

: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES="$BATS_TEST_DIRNAME/cases/signal"

check_case() {
    local n=$1 d out
    d=$(cd "$CASES" && pwd)
    out=$BATS_TEST_TMPDIR
    bash "$BATS_TEST_DIRNAME/gen/signal-run.sh" "$PYBIN/pyrun" "$CASES/$n.py" "$out" 2> /dev/null
    [ "$(cat "$out/status")" = "$(cat "$CASES/$n.status")" ] \
        || { echo "$n: exit status $(cat "$out/status"), CPython's $(cat "$CASES/$n.status")"; cat "$out/err"; return 1; }
    sed "s|@DIR@/|$d/|g" "$CASES/$n.out" | diff - "$out/out" || { echo "$n: stdout differs"; return 1; }
    sed "s|@DIR@/|$d/|g" "$CASES/$n.err" | diff - "$out/err" || { echo "$n: stderr differs"; return 1; }
}

@test "SIGINT: KeyboardInterrupt out of time.sleep at once, then out of a loop; exit by SIGINT" {
    check_case sigint_sleep
}

@test "SIGTERM: a Python handler runs while the program sleeps in a loop" {
    check_case sigterm_handler
}

@test "SIGINT and SIGUSR1 handlers wake signal.pause(); SystemExit from a handler" {
    check_case sigint_custom
}

@test "input() on a slow pipe survives SIGALRM handlers; a raising handler stops it" {
    check_case input_alarm
}

@test "SIGINT while the main thread waits in Thread.join(): KeyboardInterrupt at once" {
    check_case thr_sigint_join
}
