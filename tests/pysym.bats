#!/usr/bin/env bats
# tests/pysym.bats: pysym, the symbol table stage.
#
# Golden files in tests/cases/pysym/ come from CPython 3.11 only
# (tests/gen/pysym.sh): NAME.ast is `python3 -m ast` output with a header,
# NAME.expected CPython's symtable printed by tests/symtable_oracle.py,
# NAME.err what `python3 NAME.py` prints for a symtable SyntaxError.
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES=$BATS_TEST_DIRNAME/cases/pysym

# pysym's tables without the info records and the AST: what the oracle prints.
tables() {
    "$PYBIN/pysym" "$1" | sed '/^ast$/,$d' | grep -v '^info '
}

# Compare one ok_ case; prints a diff on failure.
check_ok() {
    local got
    got=$(tables "$CASES/$1.ast") || { echo "$1: pysym failed"; return 1; }
    diff <(printf '%s\n' "$got") "$CASES/$1.expected" || { echo "^ $1"; return 1; }
}

@test "at least 25 scoping cases and 15 error cases are checked in" {
    n_ok=$(ls "$CASES"/ok_*.expected | wc -l)
    n_err=$(ls "$CASES"/err_*.err | wc -l)
    [ "$n_ok" -ge 25 ] && [ "$n_err" -ge 15 ] || { echo "ok=$n_ok err=$n_err"; false; }
}

@test "every scoping case: tables identical to CPython's symtable" {
    fails=0
    for f in "$CASES"/ok_*.expected; do
        b=$(basename "$f" .expected)
        check_ok "$b" || fails=$((fails + 1))
    done
    [ "$fails" -eq 0 ]
}

@test "every symtable error: CPython's message and caret, exit 1, error record" {
    fails=0
    cd "$CASES"
    for f in err_*.err; do
        b=${f%.err}
        out=$("$PYBIN/pysym" "$b.ast" 2>"$BATS_TMPDIR/err") && rc=0 || rc=$?
        if [ $rc -ne 1 ] || ! diff "$BATS_TMPDIR/err" "$f"; then
            echo "^ $b (exit $rc)"; fails=$((fails + 1)); continue
        fi
        [ "$(printf '%s\n' "$out" | head -1)" = "pyfmt error 1 $b.py" ] ||
            { echo "$b: no error record"; fails=$((fails + 1)); }
    done
    [ "$fails" -eq 0 ]
}

@test "closure: outer's x is a cell, inner's x is free" {
    check_ok ok_closure
    run tables "$CASES/ok_closure.ast"
    [[ "$output" == *"sym 1 outer x cell local"* ]]
    [[ "$output" == *"sym 2 inner x free use"* ]]
}

@test "free names of a function can be found with awk" {
    run sh -c "\"$PYBIN/pysym\" \"$CASES/ok_passthrough.ast\" | awk '\$1 == \"sym\" && \$3 == \"b\" && \$5 == \"free\" { print \$4 }'"
    [ "$status" -eq 0 ]
    [ "$output" = "v" ]
}

@test "super() in a method: implicit __class__ free in the method, class needs the closure" {
    check_ok ok_super
    run "$PYBIN/pysym" "$CASES/ok_super.ast"
    [[ "$output" == *"sym 2 m __class__ free use"* ]]
    [[ "$output" == *"info 1 ClassDef 1 0 5 16 child_free,class_closure"* ]]
}

@test "comprehensions are function scopes with the parameter .0" {
    check_ok ok_listcomp
    run "$PYBIN/pysym" "$CASES/ok_listcomp.ast"
    [[ "$output" == *"scope 2 1 function listcomp 2 nested,optimized"* ]]
    [[ "$output" == *"varnames 2 .0"* ]]
}

@test "walrus in a comprehension binds in the enclosing function" {
    check_ok ok_walrus_func
    run tables "$CASES/ok_walrus_func.ast"
    [[ "$output" == *"sym 1 f hit cell local"* ]]
}

@test "name mangling inside a class" {
    check_ok ok_mangle
    run tables "$CASES/ok_mangle.ast"
    [[ "$output" == *"sym 1 C _C__a local local"* ]]
    [[ "$output" == *"sym 1 C __b__ local local"* ]]
}

@test "from __future__ import annotations: annotation names are not recorded" {
    check_ok ok_future_annotations
    run tables "$CASES/ok_future_annotations.ast"
    [[ "$output" != *" Foo "* ]]
}

@test "the output carries the header and the input AST unchanged" {
    run "$PYBIN/pysym" "$CASES/ok_closure.ast"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "pyfmt symtab 1 ok_closure.py" ]
    diff <("$PYBIN/pysym" "$CASES/ok_closure.ast" | sed '1,/^ast$/d') <(sed 1d "$CASES/ok_closure.ast")
}

@test "reads stdin and writes -o FILE" {
    "$PYBIN/pysym" -o "$BATS_TMPDIR/o.sym" < "$CASES/ok_nonlocal.ast"
    diff "$BATS_TMPDIR/o.sym" <("$PYBIN/pysym" "$CASES/ok_nonlocal.ast")
}

@test "an AST dumped without attributes and on one line is read too" {
    # the same tree as ok_class_body, but laid out differently (made by CPython)
    run "$PYBIN/pysym" "$CASES/layout_noattrs.ast"
    [ "$status" -eq 0 ]
    # without positions every line number is 0; the symbols are the same
    diff <(printf '%s\n' "$output" | grep -E '^(sym|varnames) ') <(grep -E '^(sym|varnames) ' "$CASES/ok_class_body.expected")
    [[ "$output" == *"scope 2 1 function m 0 -,optimized"* ]]
}

@test "--check reads a symtab document back and writes it unchanged" {
    for b in ok_mangle ok_async ok_match ok_comp_lambda; do
        "$PYBIN/pysym" "$CASES/$b.ast" > "$BATS_TMPDIR/a.sym"
        "$PYBIN/pysym" --check "$BATS_TMPDIR/a.sym" > "$BATS_TMPDIR/b.sym"
        cmp "$BATS_TMPDIR/a.sym" "$BATS_TMPDIR/b.sym"
    done
}

@test "--tree prints the scope tree with roles, indented by nesting" {
    run "$PYBIN/pysym" --tree "$CASES/ok_closure.ast"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "module top" ]
    [[ "${lines[2]}" == "    function outer (line 1)" ]]
    [[ "$output" == *"        function inner (line 3) nested"* ]]
    [[ "$output" == *"x                    free            referenced"* ]]
}

@test "wrong format input: tokens instead of an AST" {
    run "$PYBIN/pysym" <<< $'pyfmt tokens 1 x.py\n1,0-1,1:\tNAME\t\'x\'\n'
    [ "$status" -eq 2 ]
    [ "$output" = "pysym: <stdin>: got tokens, expected ast: run pyast first" ]
}

@test "no header at all: exit 2" {
    run "$PYBIN/pysym" <<< "Module(body=[], type_ignores=[])"
    [ "$status" -eq 2 ]
    [[ "$output" == *"expected ast"* ]]
}

@test "truncated AST: exit 2 naming the line, nothing on stdout" {
    head -n 20 "$CASES/ok_closure.ast" > "$BATS_TMPDIR/trunc.ast"
    run "$PYBIN/pysym" -o "$BATS_TMPDIR/trunc.out" "$BATS_TMPDIR/trunc.ast"
    [ "$status" -eq 2 ]
    [[ "$output" == "pysym: $BATS_TMPDIR/trunc.ast:21: unexpected end of input"* ]]
    [ ! -s "$BATS_TMPDIR/trunc.out" ]
}

@test "garbled AST: unknown node kind, exit 2 with the line" {
    sed '4s/FunctionDef/FunctionDeff/' "$CASES/ok_closure.ast" > "$BATS_TMPDIR/g.ast"
    run "$PYBIN/pysym" "$BATS_TMPDIR/g.ast"
    [ "$status" -eq 2 ]
    [ "$output" = "pysym: $BATS_TMPDIR/g.ast:4: unknown node kind 'FunctionDeff'" ]
}

@test "garbled AST: a node of the wrong type in a field" {
    printf 'pyfmt ast 1 x.py\nModule(body=[Name(id=%s, ctx=Load())], type_ignores=[])\n' "'x'" > "$BATS_TMPDIR/w.ast"
    run "$PYBIN/pysym" "$BATS_TMPDIR/w.ast"
    [ "$status" -eq 2 ]
    [ "$output" = "pysym: $BATS_TMPDIR/w.ast:2: field 'body' holds stmt nodes, not Name (expr)" ]
}

@test "truncated symtab document (--check): exit 2" {
    "$PYBIN/pysym" "$CASES/ok_closure.ast" | head -n 6 > "$BATS_TMPDIR/t.sym"
    run "$PYBIN/pysym" --check "$BATS_TMPDIR/t.sym"
    [ "$status" -eq 2 ]
    [ "$output" = "pysym: $BATS_TMPDIR/t.sym:6: truncated: the last scope has no info record" ]
    "$PYBIN/pysym" "$CASES/ok_closure.ast" | head -n 14 > "$BATS_TMPDIR/t.sym"
    run "$PYBIN/pysym" --check "$BATS_TMPDIR/t.sym"
    [ "$status" -eq 2 ]
    [[ "$output" == *"truncated input: no \"ast\" line before the AST" ]]
    "$PYBIN/pysym" "$CASES/ok_closure.ast" | head -n 30 > "$BATS_TMPDIR/t.sym"
    run "$PYBIN/pysym" --check "$BATS_TMPDIR/t.sym"
    [ "$status" -eq 2 ]
    [[ "$output" == *"t.sym:31: unexpected end of input"* ]]
}

@test "an error record is passed on silently with exit 1" {
    rec=$'pyfmt error 1 bad.py\n  File "bad.py", line 1\n    x = (\n        ^\nSyntaxError: \'(\' was never closed\n'
    run "$PYBIN/pysym" <<< "$rec"
    [ "$status" -eq 1 ]
    [ "$output" = "${rec%$'\n'}" ]
}

@test "usage: -h matches the man page SYNOPSIS; bad option exits 2" {
    run "$PYBIN/pysym" -h
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "usage: pysym [-h] [--version] [--tree | --check] [-o FILE] [FILE]" ]
    synopsis=$(groff -man -Tascii -P-cbu "$BATS_TEST_DIRNAME/../man/pysym.1" 2>/dev/null |
               sed -n '/^SYNOPSIS/{n;p}' | sed 's/^ *//')
    [ "usage: $synopsis" = "${lines[0]}" ]
    run "$PYBIN/pysym" --bogus
    [ "$status" -eq 2 ]
    run "$PYBIN/pysym" --tree --check
    [ "$status" -eq 2 ]
}

@test "garbled AST: a name with a space is refused, not written into the tables" {
    printf 'pyfmt ast 1 x.py\nModule(body=[Expr(value=Name(id=%s, ctx=Load()))], type_ignores=[])\n' "'a b'" > "$BATS_TMPDIR/s.ast"
    run "$PYBIN/pysym" "$BATS_TMPDIR/s.ast"
    [ "$status" -eq 2 ]
    [ "$output" = "pysym: $BATS_TMPDIR/s.ast:2: field 'id': not an identifier" ]
}
