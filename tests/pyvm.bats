#!/usr/bin/env bats
# tests/pyvm.bats: pyvm, binary code object -> the program's effects.
#
# Expected outputs come only from CPython 3.11 (tests/gen/pyvm.sh, run from
# tests/cases/pyvm/); programs are compiled with the whole pipeline
# (pytok ... pyasm) and run by pyvm from the same directory.  Hand-written
# CFG text in tests/cases/pyvm/asm/ exercises pyvm with pyasm only.

: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES="$BATS_TEST_DIRNAME/cases/pyvm"

setup() {
    TMP="$BATS_TEST_TMPDIR"
}

# Compile tests/cases/pyvm/NAME.py by its absolute path (as CPython names
# the main script) into $TMP/NAME.pyc.
compile() {
    local d
    d=$(cd "$CASES" && pwd)
    "$PYBIN/pytok" "$d/$1.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o "$TMP/$1.pyc"
}

# Run one case; prints why it failed, returns 1 then.
check_case() {
    local n=$1 d st
    d=$(cd "$CASES" && pwd)
    compile "$n" 2> "$TMP/cerr" || { echo "$n: compile failed: $(head -2 "$TMP/cerr")"; return 1; }
    st=0
    (cd "$CASES" && "$PYBIN/pyvm" --argv0 "$n.py" "$TMP/$n.pyc" > "$TMP/out" 2> "$TMP/err" < /dev/null) || st=$?
    if [ "$st" != "$(cat "$CASES/$n.status")" ]; then
        echo "$n: exit status $st, CPython's is $(cat "$CASES/$n.status")"; head -5 "$TMP/err"
        return 1
    fi
    sed "s|@DIR@/|$d/|g" "$CASES/$n.out" | cmp -s - "$TMP/out" \
        || { echo "$n: stdout differs"; sed "s|@DIR@/|$d/|g" "$CASES/$n.out" | diff - "$TMP/out" | head -10; return 1; }
    sed "s|@DIR@/|$d/|g" "$CASES/$n.err" | cmp -s - "$TMP/err" \
        || { echo "$n: stderr differs"; sed "s|@DIR@/|$d/|g" "$CASES/$n.err" | diff - "$TMP/err" | head -10; return 1; }
}

@test "pyvm: every program in tests/cases/pyvm gives CPython's stdout, stderr and status" {
    cd "$CASES"
    fails="" n=0
    for f in *.py; do
        check_case "${f%.py}" || fails="$fails ${f%.py}"
        n=$((n + 1))
    done
    echo "failed:$fails"
    [ -z "$fails" ]
    [ "$n" -ge 45 ]
}

@test "pyvm: classes, generators, sets, match, imports, string formatting" {
    for n in classes exc_custom generators sets match imports strformat metaclasses \
             subclass_builtins bytes_basic; do
        check_case "$n"
    done
}

@test "pyvm: collections, functools, typing, dataclasses (the stdlib), itertools (C)" {
    check_case stdlib_subset
    printf 'import collections\nprint(collections.Counter("aab"))\n' > "$TMP/lib.py"
    "$PYBIN/pytok" "$TMP/lib.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o "$TMP/lib.pyc"
    run env PYVM_STDLIB=/nonexistent "$PYBIN/pyvm" "$TMP/lib.pyc"
    [ "$status" -eq 1 ]
    [[ "$output" == *"ModuleNotFoundError: No module named 'collections'" ]]
    run "$PYBIN/pyvm" "$TMP/lib.pyc"
    [ "$output" = "Counter({'a': 2, 'b': 1})" ]
}

@test "pyvm: a million-deep nest is freed and compared without a crash" {
    check_case deep_structures
}

@test "pyvm: reference cycles are collected (bounded memory)" {
    # without the collector this needs over 100 MB
    printf 'class N:\n    pass\nfor i in range(400000):\n    a = N()\n    a.me = a\n    l = []\n    l.append(l)\nprint("ok")\n' > "$TMP/cyc.py"
    "$PYBIN/pytok" "$TMP/cyc.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o "$TMP/cyc.pyc"
    # (an AddressSanitizer build reserves terabytes of address space: no limit then)
    limit="ulimit -v 40000;"
    if ldd "$PYBIN/pyvm" 2>/dev/null | grep -q asan; then limit=""; fi
    run sh -c "$limit '$PYBIN/pyvm' '$TMP/cyc.pyc'"
    [ "$status" -eq 0 ]
    [ "$output" = "ok" ]
}

@test "pyvm: --gc-stress (collect at every allocation) changes no output" {
    for n in classes generators closures dicts; do
        compile "$n"
        d=$(cd "$CASES" && pwd)
        (cd "$CASES" && "$PYBIN/pyvm" --gc-stress "$TMP/$n.pyc" > "$TMP/out" 2> "$TMP/err" < /dev/null)
        sed "s|@DIR@/|$d/|g" "$CASES/$n.out" | cmp - "$TMP/out"
    done
}

@test "pyvm: tracebacks: ZeroDivisionError, NameError, IndexError, TypeError" {
    for n in tb_name tb_subscr tb_type tb_context; do
        check_case "$n"
    done
}

@test "pyvm: chained exceptions print both tracebacks" {
    check_case tb_chain
    grep -q "The above exception was the direct cause" "$TMP/err"
}

@test "pyvm: runaway recursion is a RecursionError, not a crash" {
    check_case tb_recursion
    grep -q "Previous line repeated" "$TMP/err"
}

@test "pyvm: a hand-assembled code object runs" {
    "$PYBIN/pyasm" "$CASES/asm/hello.cfg" -o "$TMP/hello.pyc"
    run "$PYBIN/pyvm" "$TMP/hello.pyc"
    [ "$status" -eq 0 ]
    [ "$output" = "42 hi" ]
}

@test "pyvm: FILE - reads the code object from stdin" {
    "$PYBIN/pyasm" "$CASES/asm/hello.cfg" -o "$TMP/hello.pyc"
    run sh -c "'$PYBIN/pyvm' - < '$TMP/hello.pyc'"
    [ "$status" -eq 0 ]
    [ "$output" = "42 hi" ]
}

@test "pyvm: --trace shows each instruction and the value stack" {
    "$PYBIN/pyasm" "$CASES/asm/stack.cfg" -o "$TMP/stack.pyc"
    "$PYBIN/pyvm" --trace "$TMP/stack.pyc" > "$TMP/out" 2> "$TMP/err"
    [ "$(cat "$TMP/out")" = "10" ]
    grep -q "BINARY_OP *13 *(+=) *\[<range_iterator object at 0x[0-9a-f]*\.\.\., 0, 0\]" "$TMP/err"
    grep -q "LOAD_NAME *1 *(range) *\[NULL\]" "$TMP/err"
}

@test "pyvm: text instead of a code object: exit 2, names the stage to run" {
    "$PYBIN/pytok" "$CASES/dicts.py" > "$TMP/x.tokens"
    run "$PYBIN/pyvm" "$TMP/x.tokens"
    [ "$status" -eq 2 ]
    [ "$output" = "pyvm: $TMP/x.tokens: got tokens, expected a code object: run pyasm first" ]
    run "$PYBIN/pyvm" "$CASES/asm/hello.cfg"
    [ "$status" -eq 2 ]
    [[ "$output" == *"got cfg, expected a code object: run pyasm first" ]]
}

@test "pyvm: garbage input: exit 2, no crash" {
    printf '\177PYC\001\000garbage garbage garbage' > "$TMP/bad.pyc"
    run "$PYBIN/pyvm" "$TMP/bad.pyc"
    [ "$status" -eq 2 ]
    [[ "$output" == "pyvm: $TMP/bad.pyc: "* ]]
    head -c 1000 /dev/urandom > "$TMP/rand"
    run "$PYBIN/pyvm" "$TMP/rand"
    [ "$status" -eq 2 ]
}

@test "pyvm: a truncated code object: exit 2, nothing run" {
    compile dicts
    size=$(wc -c < "$TMP/dicts.pyc")
    for cut in 5 20 $((size / 2)) $((size - 1)); do
        head -c "$cut" "$TMP/dicts.pyc" > "$TMP/cut.pyc"
        run "$PYBIN/pyvm" "$TMP/cut.pyc"
        [ "$status" -eq 2 ]
        [[ "$output" == "pyvm: $TMP/cut.pyc: "* ]]
        [[ "$output" != *"one"* ]]
    done
}

@test "pyvm: an error record: exit 1, prints nothing" {
    printf 'x = (1\n' > "$TMP/bad.py"
    "$PYBIN/pytok" "$TMP/bad.py" 2> /dev/null | "$PYBIN/pyparse" 2> /dev/null > "$TMP/rec" || true
    head -c 12 "$TMP/rec" | grep -q '^pyfmt error'
    run "$PYBIN/pyvm" "$TMP/rec"
    [ "$status" -eq 1 ]
    [ -z "$output" ]
}

@test "pyvm: an uncaught SystemExit sets the exit status" {
    printf 'print("bye")\nraise SystemExit(3)\n' > "$TMP/exit.py"
    "$PYBIN/pytok" "$TMP/exit.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o "$TMP/exit.pyc"
    run "$PYBIN/pyvm" "$TMP/exit.pyc"
    [ "$status" -eq 3 ]
    [ "$output" = "bye" ]
}

@test "pyvm: --help prints the usage (as the man page's SYNOPSIS), exit 0" {
    run "$PYBIN/pyvm" --help
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "usage: pyvm [-h] [--version] [--trace] [--gc-stress] [--argv0 NAME] [--unbuffered] [--warnoption ARG]... FILE [ARG...]" ]
    run "$PYBIN/pyvm" -h
    [ "$status" -eq 0 ]
}

@test "pyvm: --version" {
    run "$PYBIN/pyvm" --version
    [ "$status" -eq 0 ]
    [ "$output" = "pyvm (pytools) 0.1.0" ]
}

@test "pyvm: a bad option or no FILE: usage on stderr, exit 2" {
    run "$PYBIN/pyvm" --bogus
    [ "$status" -eq 2 ]
    [[ "$output" == *"usage: pyvm"* ]]
    run "$PYBIN/pyvm"
    [ "$status" -eq 2 ]
    [[ "$output" == *"usage: pyvm"* ]]
}

@test "pyvm: the man page is clean and its SYNOPSIS matches the usage" {
    man="$BATS_TEST_DIRNAME/../man/pyvm.1"
    [ -z "$(groff -man -ww -z "$man" 2>&1)" ]
    grep -q '^\.B pyvm$' "$man"
    grep -q 'FILE' "$man"
}
