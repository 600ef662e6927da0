#!/usr/bin/env bats
# tests/pycfg.bats: pycfg, the code generator (format symtab -> format cfg).
#
# Golden files come from CPython 3.11 only (tests/gen/pycfg.sh): for each
# tests/cases/pycfg/NAME.py, NAME.ast is the input (python3 -m ast) and
# NAME.expected CPython's bytecode normalised to our instruction set; the
# tests normalise pycfg's output the same way (normalize.awk) and compare.
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES=$BATS_TEST_DIRNAME/cases/pycfg
export LC_ALL=C   # awk string order = byte order, as Python sorts

# pysym then pycfg on a case's AST; normalised listing on stdout.
compile_case() {
    cd "$CASES" && "$PYBIN/pysym" "$1.ast" | "$PYBIN/pycfg" "${@:2}"
}

same_as_cpython() {
    compile_case "$1" > "$BATS_TEST_TMPDIR/$1.cfg"
    awk -f "$CASES/normalize.awk" "$BATS_TEST_TMPDIR/$1.cfg" > "$BATS_TEST_TMPDIR/$1.norm"
    diff "$CASES/$1.expected" "$BATS_TEST_TMPDIR/$1.norm"
}

@test "pycfg --version and --help" {
    run "$PYBIN/pycfg" --version
    [ "$status" -eq 0 ]
    [ "$output" = "pycfg (pytools) 0.1.0" ]
    run "$PYBIN/pycfg" --help
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "usage: pycfg [-h] [--version] [-O LEVEL] [--dot] [-o FILE] [FILE]" ]
}

@test "pycfg: bad option and bad -O level are usage errors" {
    run "$PYBIN/pycfg" --bogus
    [ "$status" -eq 2 ]
    [[ "$output" == *"usage: pycfg"* ]]
    run "$PYBIN/pycfg" -O 7 "$CASES/slice1.ast"
    [ "$status" -eq 2 ]
}

@test "pycfg: the walking-skeleton program compiles exactly as CPython's" {
    same_as_cpython slice1
}

@test "pycfg: expressions (folding, displays, calls, f-strings, unpacking) as CPython" {
    same_as_cpython exprs
}

@test "pycfg: control flow (if/while/for/break/continue/else/assert) as CPython" {
    same_as_cpython control
}

@test "pycfg: functions, closures, lambdas, generators, comprehensions as CPython" {
    same_as_cpython funcs
}

@test "pycfg: classes, super(), __class__ cell, annotations, mangling as CPython" {
    same_as_cpython classes
}

@test "pycfg: try/except/finally, with, raise as CPython (exception table aside)" {
    same_as_cpython excs
}

@test "pycfg: import forms as CPython" {
    same_as_cpython imports
}

@test "pycfg: async def, await, async with/for, async comprehensions as CPython" {
    same_as_cpython async
}

@test "pycfg: match statements with every pattern kind as CPython" {
    same_as_cpython match
}

@test "pycfg: from __future__ import annotations makes annotation strings (f-strings too) as CPython" {
    same_as_cpython future
}

@test "pycfg: try/except* (exception groups) as CPython" {
    same_as_cpython trystar
}

@test "pycfg: 86400 * 7 folds to one LOAD_CONST 604800" {
    compile_case fold > "$BATS_TEST_TMPDIR/fold.cfg"
    [ "$(grep -c 'LOAD_CONST 604800 @1:' "$BATS_TEST_TMPDIR/fold.cfg")" -eq 1 ]
    ! grep -q 'BINARY_OP .* @1:' "$BATS_TEST_TMPDIR/fold.cfg"
    grep -q "LOAD_CONST 'abababc' @2:" "$BATS_TEST_TMPDIR/fold.cfg"
    grep -q "LOAD_CONST -1024 @3:" "$BATS_TEST_TMPDIR/fold.cfg"
    grep -q "LOAD_CONST True @4:" "$BATS_TEST_TMPDIR/fold.cfg"
    same_as_cpython fold
}

@test "pycfg: 1200 folded integer expressions (big ints, shifts, bitwise, **) as CPython" {
    same_as_cpython bigfold
}

@test "pycfg: 500 folded float/complex expressions (// % ** /, signed zeros) as CPython" {
    same_as_cpython floatfold
}

@test "pycfg -O0 does not fold" {
    compile_case fold -O0 > "$BATS_TEST_TMPDIR/fold0.cfg"
    grep -q 'LOAD_CONST 86400 @1:' "$BATS_TEST_TMPDIR/fold0.cfg"
    grep -q 'BINARY_OP \* @1:' "$BATS_TEST_TMPDIR/fold0.cfg"
    ! grep -q 'LOAD_CONST 604800' "$BATS_TEST_TMPDIR/fold0.cfg"
}

@test "pycfg: output is a cfg document: header, one section per code object" {
    compile_case funcs > "$BATS_TEST_TMPDIR/f.cfg"
    [ "$(head -1 "$BATS_TEST_TMPDIR/f.cfg")" = "pyfmt cfg 1 funcs.py" ]
    [ "$(grep -c '^\.code ' "$BATS_TEST_TMPDIR/f.cfg")" -eq "$(grep -c '^\.end$' "$BATS_TEST_TMPDIR/f.cfg")" ]
    grep -q '^\.code 0$' "$BATS_TEST_TMPDIR/f.cfg"
    grep -q 'LOAD_CONST code:1 ' "$BATS_TEST_TMPDIR/f.cfg"
    grep -q '^\.local n$' "$BATS_TEST_TMPDIR/f.cfg"
    grep -q '^\.free x$' "$BATS_TEST_TMPDIR/f.cfg"
    grep -q '^\.cell x$' "$BATS_TEST_TMPDIR/f.cfg"
}

@test "pycfg: a SyntaxError of this stage is printed as CPython's, exit 1, error record" {
    cd "$CASES"
    "$PYBIN/pysym" err_return.ast > "$BATS_TEST_TMPDIR/e.sym"
    run "$PYBIN/pycfg" -o "$BATS_TEST_TMPDIR/e.out" "$BATS_TEST_TMPDIR/e.sym"
    [ "$status" -eq 1 ]
    [ "$output" = "$(cat err_return.expected)" ]
    [ "$(head -1 "$BATS_TEST_TMPDIR/e.out")" = "pyfmt error 1 err_return.py" ]
}

@test "pycfg: assigning to __debug__ is CPython's SyntaxError" {
    cd "$CASES"
    "$PYBIN/pysym" err_debug.ast > "$BATS_TEST_TMPDIR/d.sym"
    run "$PYBIN/pycfg" -o "$BATS_TEST_TMPDIR/d.out" "$BATS_TEST_TMPDIR/d.sym"
    [ "$status" -eq 1 ]
    [ "$output" = "$(cat err_debug.expected)" ]
}

@test "pycfg: SyntaxWarnings are printed as CPython prints them, compilation goes on" {
    cd "$CASES"
    "$PYBIN/pysym" warn_literal.ast > "$BATS_TEST_TMPDIR/w.sym"
    "$PYBIN/pycfg" -o "$BATS_TEST_TMPDIR/w.cfg" "$BATS_TEST_TMPDIR/w.sym" 2> "$BATS_TEST_TMPDIR/w.err"
    diff warn_literal.warnings "$BATS_TEST_TMPDIR/w.err"
    same_as_cpython warn_literal
}

@test "pycfg: an error record is passed on silently, exit 1" {
    printf 'pyfmt error 1 x.py\n  File "x.py", line 1\nSyntaxError: invalid syntax\n' > "$BATS_TEST_TMPDIR/rec"
    run "$PYBIN/pycfg" "$BATS_TEST_TMPDIR/rec"
    [ "$status" -eq 1 ]
    [ "$output" = "$(cat "$BATS_TEST_TMPDIR/rec")" ]
}

@test "pycfg: wrong format input (tokens, ast) is exit 2 with a message" {
    printf 'pyfmt tokens 1 x.py\n1,0-1,1:\tNAME\t\x27x\x27\n' > "$BATS_TEST_TMPDIR/tok"
    run "$PYBIN/pycfg" "$BATS_TEST_TMPDIR/tok"
    [ "$status" -eq 2 ]
    [[ "$output" == *"pycfg: "*"got tokens, expected symtab: run pysym first"* ]]
    run "$PYBIN/pycfg" "$CASES/slice1.ast"
    [ "$status" -eq 2 ]
    [[ "$output" == *"got ast, expected symtab: run pysym first"* ]]
    run "$PYBIN/pycfg" /dev/null
    [ "$status" -eq 2 ]
}

@test "pycfg: truncated input is exit 2 with a message and no complete-looking output" {
    cd "$CASES"
    "$PYBIN/pysym" funcs.ast > "$BATS_TEST_TMPDIR/full.sym"
    for frac in 2 3 5; do
        size=$(wc -c < "$BATS_TEST_TMPDIR/full.sym")
        head -c $((size / frac)) "$BATS_TEST_TMPDIR/full.sym" > "$BATS_TEST_TMPDIR/cut.sym"
        run "$PYBIN/pycfg" -o "$BATS_TEST_TMPDIR/cut.out" "$BATS_TEST_TMPDIR/cut.sym"
        [ "$status" -eq 2 ] || { echo "1/$frac: exit $status"; false; }
        [[ "$output" == "pycfg: "* ]]
        ! grep -q '^\.end' "$BATS_TEST_TMPDIR/cut.out"
    done
}

@test "pycfg: a hand-edited AST no parser makes is exit 2, not a crash" {
    cd "$CASES"
    "$PYBIN/pysym" slice1.ast | sed 's/comparators=\[/comparators=[Name(id="zz", ctx=Load(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1), /' > "$BATS_TEST_TMPDIR/bad.sym"
    grep -q 'id="zz"' "$BATS_TEST_TMPDIR/bad.sym"
    run "$PYBIN/pycfg" "$BATS_TEST_TMPDIR/bad.sym"
    [ "$status" -eq 2 ]
    [[ "$output" == *"malformed AST: Compare"* ]]
}

@test "pycfg --dot writes Graphviz with a cluster per code object" {
    compile_case funcs --dot > "$BATS_TEST_TMPDIR/f.dot"
    [ "$(head -1 "$BATS_TEST_TMPDIR/f.dot")" = "digraph cfg {" ]
    [ "$(grep -c 'subgraph cluster_' "$BATS_TEST_TMPDIR/f.dot")" -eq "$(compile_case funcs | grep -c '^\.code ')" ]
    grep -q ' -> ' "$BATS_TEST_TMPDIR/f.dot"
    [ "$(tail -1 "$BATS_TEST_TMPDIR/f.dot")" = "}" ]
}

@test "pycfg --dot output is valid Graphviz: dot -Tsvg accepts every case" {
    command -v dot >/dev/null || skip "graphviz (dot) is not installed"
    for f in "$CASES"/*.ast; do
        c=$(basename "$f" .ast)
        case $c in err_*) continue ;; esac
        compile_case "$c" --dot > "$BATS_TEST_TMPDIR/$c.dot" 2>/dev/null
        dot -Tsvg "$BATS_TEST_TMPDIR/$c.dot" > "$BATS_TEST_TMPDIR/$c.svg" || { echo "$c: dot rejected it"; false; }
        grep -q '<svg' "$BATS_TEST_TMPDIR/$c.svg"
    done
}

@test "pycfg -o FILE writes the file, stdin is read when no FILE" {
    cd "$CASES"
    "$PYBIN/pysym" slice1.ast | "$PYBIN/pycfg" -o "$BATS_TEST_TMPDIR/o.cfg"
    [ "$(head -1 "$BATS_TEST_TMPDIR/o.cfg")" = "pyfmt cfg 1 slice1.py" ]
    "$PYBIN/pysym" slice1.ast | "$PYBIN/pycfg" - > "$BATS_TEST_TMPDIR/o2.cfg"
    cmp "$BATS_TEST_TMPDIR/o.cfg" "$BATS_TEST_TMPDIR/o2.cfg"
}
