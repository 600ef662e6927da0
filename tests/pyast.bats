#!/usr/bin/env bats
# tests/pyast.bats: the AST stage.  Each tests/cases/pyast/NAME.py has its
# token stream NAME.tok and CPython 3.11's `python3 -m ast -a
# --no-type-comments` output NAME.ast (and `-i 0` without attributes,
# NAME.i0), all made by tests/gen/pyast.sh from /usr/bin/python3.
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES=$BATS_TEST_DIRNAME/cases/pyast

# pyparse [opts] | pyast [opts] on case $1, body only (header dropped).
ast_of() {
    local name=$1; shift
    "$PYBIN/pyparse" $PARSE_OPTS "$CASES/$name.tok" | "$PYBIN/pyast" "$@" | tail -n +2
}

@test "the ast header names the format and the source" {
    run sh -c "'$PYBIN/pyparse' '$CASES/arith.tok' | '$PYBIN/pyast'"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "pyfmt ast 1 arith.py" ]
    [ "${lines[1]}" = "Module(" ]
}

@test "golden ASTs: byte-identical to python3 -m ast -a --no-type-comments" {
    n=0
    for f in "$CASES"/*.py; do
        name=$(basename "$f" .py)
        ast_of "$name" > "$BATS_TEST_TMPDIR/got"
        diff -u "$CASES/$name.ast" "$BATS_TEST_TMPDIR/got" || { echo "case $name"; false; }
        n=$((n + 1))
    done
    [ "$n" -ge 12 ]
}

@test "golden ASTs from collapsed trees (pyparse -c) are the same" {
    for f in "$CASES"/*.py; do
        name=$(basename "$f" .py)
        PARSE_OPTS=-c ast_of "$name" > "$BATS_TEST_TMPDIR/got"
        cmp "$CASES/$name.ast" "$BATS_TEST_TMPDIR/got" || { echo "case $name"; false; }
    done
}

@test "-i 0 --no-attributes matches python3 -m ast -i 0" {
    for f in "$CASES"/*.py; do
        name=$(basename "$f" .py)
        ast_of "$name" -i 0 --no-attributes > "$BATS_TEST_TMPDIR/got"
        diff -u "$CASES/$name.i0" "$BATS_TEST_TMPDIR/got" || { echo "case $name"; false; }
    done
}

@test "f-strings: JoinedStr, FormattedValue, conversions, specs and '='" {
    ast_of strings > "$BATS_TEST_TMPDIR/got"
    grep -q "conversion=114" "$BATS_TEST_TMPDIR/got"
    grep -q "format_spec=JoinedStr" "$BATS_TEST_TMPDIR/got"
    grep -q "value=' y='" "$BATS_TEST_TMPDIR/got"
    cmp "$CASES/strings.ast" "$BATS_TEST_TMPDIR/got"
}

@test "wrong format input: tokens given to pyast" {
    run "$PYBIN/pyast" "$CASES/arith.tok"
    [ "$status" -eq 2 ]
    [[ "$output" == *"pyast: "*"got tokens, expected cst: run pyparse first"* ]]
}

@test "truncated parse tree: exit 2 naming the line, nothing written" {
    "$PYBIN/pyparse" "$CASES/control.tok" > "$BATS_TEST_TMPDIR/full.cst"
    n=$(wc -l < "$BATS_TEST_TMPDIR/full.cst")
    head -n $((n / 2)) "$BATS_TEST_TMPDIR/full.cst" > "$BATS_TEST_TMPDIR/half.cst"
    run "$PYBIN/pyast" "$BATS_TEST_TMPDIR/half.cst"
    [ "$status" -eq 2 ]
    [[ "$output" == *"pyast: "*"half.cst:$((n / 2 + 1)): truncated parse tree"* ]]
    [[ "$output" != *"Module("* ]]
}

@test "a parse tree with a line missing is caught by the %end count" {
    "$PYBIN/pyparse" "$CASES/control.tok" | sed '10d' > "$BATS_TEST_TMPDIR/gap.cst"
    run "$PYBIN/pyast" "$BATS_TEST_TMPDIR/gap.cst"
    [ "$status" -eq 2 ]
    [[ "$output" == *"pyast: "*"gap.cst:"* ]]
}

@test "garbled parse tree line: exit 2 naming the line" {
    "$PYBIN/pyparse" "$CASES/arith.tok" | sed '5s/.*/  NOSUCHRULE/' > "$BATS_TEST_TMPDIR/bad.cst"
    run "$PYBIN/pyast" "$BATS_TEST_TMPDIR/bad.cst"
    [ "$status" -eq 2 ]
    [[ "$output" == *"bad.cst:5:"* ]]
}

@test "an error record on input is copied, nothing printed, exit 1" {
    printf 'pyfmt error 1 x.py\n  File "x.py", line 1\nSyntaxError: x\n' > "$BATS_TEST_TMPDIR/e"
    run "$PYBIN/pyast" "$BATS_TEST_TMPDIR/e"
    [ "$status" -eq 1 ]
    [ "${lines[0]}" = "pyfmt error 1 x.py" ]
    [ "${lines[2]}" = "SyntaxError: x" ]
}

@test "-o writes the output to a file" {
    "$PYBIN/pyparse" "$CASES/arith.tok" > "$BATS_TEST_TMPDIR/a.cst"
    run "$PYBIN/pyast" -o "$BATS_TEST_TMPDIR/out.ast" "$BATS_TEST_TMPDIR/a.cst"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    tail -n +2 "$BATS_TEST_TMPDIR/out.ast" | cmp - "$CASES/arith.ast"
}

@test "usage text matches the man page synopsis" {
    run "$PYBIN/pyast" --help
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "usage: pyast [-i N] [--no-attributes] [-o FILE] [FILE]" ]
    groff -man -ww -z "$BATS_TEST_DIRNAME/../man/pyast.1"
}
