# tests/e2e_helper.bash: shared by tests/e2e.bats.
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
PROGS=$(cd "$BATS_TEST_DIRNAME/programs" && pwd)

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

# pytok | pyparse | pyast | pysym | pycfg | pyasm > f.pyc; pyvm f.pyc
check_pipeline() {
    local n=$1 t=$BATS_TEST_TMPDIR st
    cd "$PROGS"
    set +e
    # CPython names the main script by its absolute path; so do we.
    "$PYBIN/pytok" "$PROGS/$n.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o "$t/$n.pyc" 2> "$t/err"
    st=$?
    if [ $st -ne 0 ]; then
        echo "$n: the compile pipeline failed (exit $st):"; cat "$t/err"; return 1
    fi
    "$PYBIN/pyvm" --argv0 "$n.py" "$t/$n.pyc" > "$t/out" 2> "$t/err" < /dev/null
    st=$?
    set -e
    check_status "$n" "$st"
    same "$n" stdout "$t/out" "$PROGS/$n.out"
    same "$n" stderr "$t/err" "$PROGS/$n.err"
}

check_pyrun() {
    local n=$1 t=$BATS_TEST_TMPDIR st
    cd "$PROGS"
    set +e
    "$PYBIN/pyrun" "$n.py" > "$t/out" 2> "$t/err" < /dev/null
    st=$?
    set -e
    check_status "$n" "$st"
    same "$n" stdout "$t/out" "$PROGS/$n.out"
    same "$n" stderr "$t/err" "$PROGS/$n.err"
}
