#!/bin/bash
# tests/gen/signal-run.sh RUNNER CASE.py OUTDIR: run a signal case as its
# own job (job control on, so SIGINT is not ignored as it is for a
# background command) from the case's directory, with RUNNER
# (/usr/bin/python3 for the expected files, $PYBIN/pyrun under test).
# The schedule starts when the program has printed the line "ready" (so a
# slow start, under a sanitizer, changes nothing): the case's "# send: 0.5
# INT 0.3 TERM" line means wait 0.5 s, send SIGINT, wait 0.3 s, send
# SIGTERM; its "# input: 0.4 WORD" line makes stdin a pipe that gets WORD
# and a newline 0.4 s after "ready" and stays open 1 s more.
# The program starts with every signal at its default action (env
# --default-signal): a harness that runs the tests with SIGINT ignored
# (a background job of a non-interactive shell) changes nothing.  A
# program still running 30 s after "ready" is killed (status 137): a
# failure, never a hang.
# Writes OUTDIR/out, OUTDIR/err, OUTDIR/status (the shell's $?: 128+N for
# a death by signal N).
set -m
runner=$1 case=$2 out=$3
dir=$(cd "$(dirname "$case")" && pwd)
name=$(basename "$case")
send=$(sed -n 's/^# send: //p' "$case")
input=$(sed -n 's/^# input: //p' "$case")
cd "$dir" || exit 2
: > "$out/out"

# Wait (10 s at most) for the program's "ready" line.
wait_ready() {
    local i=0
    while [ $i -lt 200 ] && ! grep -q '^ready$' "$out/out"; do
        sleep 0.05
        i=$((i + 1))
    done
}

if [ -n "$input" ]; then
    set -- $input
    (wait_ready; sleep "$1"; printf '%s\n' "$2"; sleep 1) \
        | env --default-signal "$runner" "$name" > "$out/out" 2> "$out/err" &
else
    env --default-signal "$runner" "$name" > "$out/out" 2> "$out/err" < /dev/null &
fi
pid=$!
wait_ready
(sleep 30; kill -s KILL "$pid" 2>/dev/null) > /dev/null 2>&1 &
watchdog=$!
set -- $send
while [ $# -ge 2 ]; do
    sleep "$1"
    kill -s "$2" "$pid" 2>/dev/null
    shift 2
done
wait "$pid"
echo $? > "$out/status"
kill "$watchdog" 2>/dev/null
