#!/usr/bin/env bats
# tests/pytok.bats: pytok, source -> tokens.  Golden files come from CPython
# 3.11 only (tests/gen/pytok.sh); regenerate them with `sh tests/gen/pytok.sh`.

bats_require_minimum_version 1.5.0
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES="$BATS_TEST_DIRNAME/cases/pytok"

setup() {
    TMP="$BATS_TEST_TMPDIR"
}

@test "pytok: valid inputs give tokenize -e's body, byte for byte" {
    cd "$CASES/good"
    fails=""
    n=0
    for f in *.py; do
        "$PYBIN/pytok" "$f" > "$TMP/out" 2> "$TMP/err" || fails="$fails $f(exit)"
        tail -n +2 "$TMP/out" | cmp -s - "${f%.py}.tokens" || fails="$fails $f"
        n=$((n + 1))
    done
    echo "failed:$fails"
    [ -z "$fails" ]
    [ "$n" -ge 30 ]
}

@test "pytok: the header names the format, version and source" {
    cd "$CASES/good"
    run "$PYBIN/pytok" ops.py
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "pyfmt tokens 1 ops.py" ]
    run sh -c "'$PYBIN/pytok' < ops.py | head -1"
    [ "$output" = "pyfmt tokens 1 <stdin>" ]
    run sh -c "'$PYBIN/pytok' - < ops.py | head -1"
    [ "$output" = "pyfmt tokens 1 <stdin>" ]
}

@test "pytok: stdin and a file give the same body" {
    cd "$CASES/good"
    "$PYBIN/pytok" unicode.py | tail -n +2 > "$TMP/a"
    "$PYBIN/pytok" < unicode.py | tail -n +2 > "$TMP/b"
    cmp "$TMP/a" "$TMP/b"
    cmp "$TMP/a" unicode.tokens
}

@test "pytok: tokenizer warnings are printed as CPython prints them" {
    cd "$CASES/good"
    "$PYBIN/pytok" numbers.py > /dev/null 2> "$TMP/err"
    diff numbers.warn "$TMP/err"
}

@test "pytok: invalid inputs give CPython's error text, exit 1 and an error record" {
    cd "$CASES/bad"
    fails=""
    n=0
    for f in *.py; do
        st=0
        "$PYBIN/pytok" "$f" > "$TMP/out" 2> "$TMP/err" || st=$?
        [ "$st" -eq 1 ] || fails="$fails $f(exit $st)"
        cmp -s "$TMP/err" "${f%.py}.err" || fails="$fails $f"
        # the output is the error record: header, then the same text
        [ "$(head -1 "$TMP/out")" = "pyfmt error 1 $f" ] || fails="$fails $f(record)"
        tail -n +2 "$TMP/out" | cmp -s - "${f%.py}.err" || fails="$fails $f(record text)"
        n=$((n + 1))
    done
    echo "failed:$fails"
    [ -z "$fails" ]
    [ "$n" -ge 40 ]
}

@test "pytok: errors on stdin name <stdin>" {
    cd "$CASES/bad"
    for e in *.stdin.err; do
        n=${e%.stdin.err}
        run sh -c "'$PYBIN/pytok' < $n.py 2>&1 >/dev/null"
        [ "$status" -eq 1 ]
        [ "$output" = "$(cat "$e")" ]
    done
}

@test "pytok: a source truncated in mid-string is a SyntaxError, not tokens" {
    # the first 12 bytes of triple.py stop inside its """ string, on line 2
    head -c 12 "$CASES/good/triple.py" > "$TMP/trunc.py"
    cd "$TMP"
    st=0
    "$PYBIN/pytok" trunc.py > out 2> err || st=$?
    [ "$st" -eq 1 ]
    [ "$(head -1 out)" = "pyfmt error 1 trunc.py" ]
    grep -q 'SyntaxError: unterminated triple-quoted string literal (detected at line 2)' err
    ! grep -q ENDMARKER out
}

@test "pytok: -o writes the file, stdout stays empty" {
    cd "$CASES/good"
    run "$PYBIN/pytok" -o "$TMP/o.tok" defs.py
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    tail -n +2 "$TMP/o.tok" | cmp - defs.tokens
    run "$PYBIN/pytok" --output "$TMP/o2.tok" defs.py
    [ "$status" -eq 0 ]
    cmp "$TMP/o.tok" "$TMP/o2.tok"
}

@test "pytok: -o gets the error record on a SyntaxError" {
    cd "$CASES/bad"
    run "$PYBIN/pytok" -o "$TMP/e.tok" str1.py
    [ "$status" -eq 1 ]
    [ "$(head -1 "$TMP/e.tok")" = "pyfmt error 1 str1.py" ]
}

@test "pytok: --help prints the usage on stdout, exit 0" {
    run "$PYBIN/pytok" --help
    [ "$status" -eq 0 ]
    [[ "${lines[0]}" == "usage: pytok [-h] [--version] [-o FILE] [-n NAME] [FILE]" ]]
    run "$PYBIN/pytok" -h
    [ "$status" -eq 0 ]
    [[ "${lines[0]}" == "usage: pytok"* ]]
}

@test "pytok: --version" {
    run "$PYBIN/pytok" --version
    [ "$status" -eq 0 ]
    [ "$output" = "pytok (pytools) 0.1.0" ]
}

@test "pytok: a bad option is a usage error, exit 2" {
    run "$PYBIN/pytok" --bogus
    [ "$status" -eq 2 ]
    [[ "$output" == *"usage: pytok"* ]]
    run "$PYBIN/pytok" a.py b.py
    [ "$status" -eq 2 ]
}

@test "pytok: a missing file is exit 2 with a message naming it" {
    run "$PYBIN/pytok" "$TMP/no-such-file.py"
    [ "$status" -eq 2 ]
    [[ "$output" == "pytok: "*"no-such-file.py"* ]]
}

@test "pytok: a directory is exit 2, not tokens" {
    run "$PYBIN/pytok" "$TMP"
    echo "status $status: $output"
    [ "$status" -eq 2 ]
    [[ "$output" == "pytok: "* ]]
    [[ "$output" != *pyfmt* ]]
}

@test "pytok: an encoding pytok cannot decode yet is exit 2, clearly" {
    printf "# coding: shift_jis\\nx = 1\\n" > "$TMP/k.py"
    run "$PYBIN/pytok" "$TMP/k.py"
    [ "$status" -eq 2 ]
    [[ "$output" == *"not supported yet"* ]]
}

@test "pytok: an unwritable output is exit 2" {
    [ -w /dev/full ] || skip "no /dev/full"
    cd "$CASES/good"
    run "$PYBIN/pytok" -o /dev/full defs.py
    [ "$status" -eq 2 ]
}

@test "pytok: another stage's output is not Python: pytok | pyparse says so as CPython" {
    # pytok's input is Python source, so "the wrong format" is text that is
    # not Python, here its own output: lexically fine, so pyparse rejects it
    # with CPython's message for `python3 x.tok`.
    # Relative names: the header line carries the path, and a random
    # temporary directory such as bats-run-7Ntn93 would itself be a
    # tokenizer error ("invalid decimal literal") in the second pytok.
    cd "$TMP"
    printf 'x = 1\n' > x.py
    "$PYBIN/pytok" x.py > x.tok
    run sh -c "'$PYBIN/pytok' x.tok | '$PYBIN/pyparse' 2> err > /dev/null"
    [ "$status" -eq 1 ]
    printf '  File "x.tok", line 1\n    pyfmt tokens 1 x.py\n          ^^^^^^\nSyntaxError: invalid syntax\n' > want
    diff "$TMP/want" "$TMP/err"
}

@test "pytok: a binary code object is refused, exit 1, no tokens" {
    printf '\177PYC\001\000\031\223\r\n\032\n' > "$TMP/bin.py"
    run --separate-stderr "$PYBIN/pytok" "$TMP/bin.py"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"SyntaxError"* ]]
    [[ "$output" == "pyfmt error 1 "* ]]
}
