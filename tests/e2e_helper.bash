# tests/e2e_helper.bash: shared by tests/e2e.bats.
#
# Each program NAME in tests/programs/ is run through the explicit pipeline
# (check_pipeline) and through pyrun (check_pyrun); stdout, stderr and exit
# status must equal CPython 3.11's (NAME.out, NAME.err, NAME.status).
# A program listed in tests/known-failures.txt is still run: if it fails, the
# test is reported as skipped ("known failure: REASON"); if it passes, the
# test FAILS with "now passes: remove it from tests/known-failures.txt".
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
PROGS=$(cd "$BATS_TEST_DIRNAME/programs" && pwd)
KNOWN_FAILURES=$BATS_TEST_DIRNAME/known-failures.txt
# A program that runs longer than this (seconds) fails instead of hanging the suite.
: "${E2E_TIMEOUT:=60}"

# Compare one stream with its expected file (@DIR@ standing for the
# programs' directory); show a diff on failure.
same() { # name kind actual expected
    sed "s|@DIR@/|$PROGS/|g" "$4" > "$BATS_TEST_TMPDIR/want"
    if ! cmp -s "$3" "$BATS_TEST_TMPDIR/want"; then
        echo "$1: $2 differs from CPython's (expected, then actual):"
        diff "$BATS_TEST_TMPDIR/want" "$3" | head -40
        return 1
    fi
}

check_status() { # name status
    local want
    want=$(cat "$PROGS/$1.status")
    if [ "$2" != "$want" ]; then
        echo "$1: exit status $2, CPython's is $want"
        cat "$BATS_TEST_TMPDIR/err"
        return 1
    fi
}

# Every check below returns non-zero on the first difference by itself (it
# does not rely on set -e, which is off when a check runs as a condition).

# pytok | pyparse | pyast | pysym | pycfg | pyasm > f.pyc; pyvm f.pyc
run_pipeline() {
    local n=$1 t=$BATS_TEST_TMPDIR st
    cd "$PROGS" || return 1
    # CPython names the main script by its absolute path; so do we.
    # The stages' stderr (SyntaxWarnings, printed while compiling, as
    # CPython does) comes before the program's.
    { "$PYBIN/pytok" "$PROGS/$n.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o "$t/$n.pyc"; } 2> "$t/cerr"
    st=$?
    if [ $st -ne 0 ]; then
        echo "$n: the compile pipeline failed (exit $st):"; cat "$t/cerr"; return 1
    fi
    timeout "$E2E_TIMEOUT" "$PYBIN/pyvm" --argv0 "$n.py" "$t/$n.pyc" > "$t/out" 2> "$t/verr" < /dev/null
    st=$?
    cat "$t/cerr" "$t/verr" > "$t/err"
    check_status "$n" "$st" || return 1
    same "$n" stdout "$t/out" "$PROGS/$n.out" || return 1
    same "$n" stderr "$t/err" "$PROGS/$n.err" || return 1
}

run_pyrun() {
    local n=$1 t=$BATS_TEST_TMPDIR st
    cd "$PROGS" || return 1
    timeout "$E2E_TIMEOUT" "$PYBIN/pyrun" "$n.py" > "$t/out" 2> "$t/err" < /dev/null
    st=$?
    check_status "$n" "$st" || return 1
    same "$n" stdout "$t/out" "$PROGS/$n.out" || return 1
    same "$n" stderr "$t/err" "$PROGS/$n.err" || return 1
}

# Print the reason NAME is listed in known-failures.txt ("" if none given);
# status 1 when it is not listed.
known_failure() { # name
    [ -f "$KNOWN_FAILURES" ] || return 1
    awk -v n="$1" '
        { name = $0; sub(/#.*/, "", name); gsub(/[ \t\r]/, "", name) }
        name == n { r = $0; if (sub(/^[^#]*#[ \t]*/, "", r) == 0) r = ""; print r; found = 1; exit }
        END { exit !found }' "$KNOWN_FAILURES"
}

expect_pass() { # checker name
    local reason
    if reason=$(known_failure "$2"); then
        if "$1" "$2" > "$BATS_TEST_TMPDIR/known.log" 2>&1; then
            echo "$2: now passes: remove it from tests/known-failures.txt"
            return 1
        fi
        skip "known failure${reason:+: $reason}"
    fi
    set +e
    "$1" "$2"
    local st=$?
    set -e
    return $st
}

check_pipeline() { expect_pass run_pipeline "$1"; }
check_pyrun() { expect_pass run_pyrun "$1"; }
