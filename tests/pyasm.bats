#!/usr/bin/env bats
# tests/pyasm.bats: pyasm, CFG text -> binary code object.
#
# Oracles, all from CPython 3.11 (regenerate: sh tests/gen/pydis.sh and
# sh tests/gen/pyasm.sh):
#  - tests/cases/pydis/NAME.cfg is CPython's compiled NAME.py rewritten as
#    CFG text without .stacksize; NAME.show is dis.code_info() of CPython's
#    code, so the stack size pyasm computes must equal CPython's co_stacksize;
#  - tests/cases/pyasm/{while,try_except,with}.cfg are hand-written with the
#    pseudo-ops JUMP, SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK and
#    no .except lines; their listings (.dis) come from CPython's code, so the
#    jump directions and exception table pyasm derives must equal CPython's;
#  - tests/cases/pyasm/bad_*.cfg are malformed: exit 2, a message naming the
#    line, and no output file.

bats_require_minimum_version 1.5.0
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES="$BATS_TEST_DIRNAME/cases/pyasm"
DCASES="$BATS_TEST_DIRNAME/cases/pydis"

setup() {
    TMP="$BATS_TEST_TMPDIR"
}

@test "pyasm: usage, version, bad option" {
    run "$PYBIN/pyasm" --help
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "usage: pyasm [-h] [--version] [-o FILE] [FILE]" ]
    run "$PYBIN/pyasm" --version
    [ "$output" = "pyasm (pytools) 0.1.0" ]
    run --separate-stderr "$PYBIN/pyasm" -x
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"usage: pyasm"* ]]
}

@test "pyasm: the binary starts with the magic, version and sentinel" {
    "$PYBIN/pyasm" "$DCASES/fast_week.cfg" > "$TMP/a.pyc"
    [ "$(head -c 12 "$TMP/a.pyc" | od -An -tx1 | tr -d " \n")" = "7f505943010019930d0a1a0a" ]
}

@test "pyasm: stack sizes equal CPython's co_stacksize (and all tables CPython's)" {
    cd "$DCASES"
    fails=""
    n=0
    for f in *.cfg; do
        n=$((n + 1))
        "$PYBIN/pyasm" "$f" > "$TMP/x.pyc" || { fails="$fails $f(exit)"; continue; }
        "$PYBIN/pydis" --show-code "$TMP/x.pyc" > "$TMP/show"
        grep '^Stack size' "$TMP/show" | cmp -s - <(grep '^Stack size' "${f%.cfg}.show") ||
            fails="$fails $f(stacksize)"
    done
    echo "failed:$fails"
    [ -z "$fails" ]
    [ "$n" -ge 8 ]
}

@test "pyasm: the same input from stdin and from a file, and -o FILE" {
    "$PYBIN/pyasm" "$DCASES/control.cfg" > "$TMP/a.pyc"
    "$PYBIN/pyasm" < "$DCASES/control.cfg" > "$TMP/b.pyc"
    "$PYBIN/pyasm" -o "$TMP/c.pyc" - < "$DCASES/control.cfg"
    cmp "$TMP/a.pyc" "$TMP/b.pyc"
    cmp "$TMP/a.pyc" "$TMP/c.pyc"
}

@test "pyasm: JUMP becomes JUMP_FORWARD or JUMP_BACKWARD by direction" {
    "$PYBIN/pyasm" "$CASES/while.cfg" > "$TMP/w.pyc"
    "$PYBIN/pydis" "$TMP/w.pyc" > "$TMP/w.dis"
    diff -u "$CASES/while.dis" "$TMP/w.dis"
    grep -q 'JUMP_FORWARD *14 (to 28)' "$TMP/w.dis"
    grep -q 'JUMP_BACKWARD *4 (to 8)' "$TMP/w.dis"
}

@test "pyasm: SETUP_FINALLY/SETUP_CLEANUP/POP_BLOCK give CPython's exception table" {
    "$PYBIN/pyasm" "$CASES/try_except.cfg" > "$TMP/t.pyc"
    "$PYBIN/pydis" "$TMP/t.pyc" > "$TMP/t.dis"
    diff -u "$CASES/try_except.dis" "$TMP/t.dis"
    grep -q '^  4 to 10 -> 16 \[0\]$' "$TMP/t.dis"
    "$PYBIN/pydis" --show-code "$TMP/t.pyc" | diff -u "$CASES/try_except.show" -
}

@test "pyasm: SETUP_WITH gives CPython's exception table (lasti, depths)" {
    "$PYBIN/pyasm" "$CASES/with.cfg" > "$TMP/w.pyc"
    "$PYBIN/pydis" "$TMP/w.pyc" | diff -u "$CASES/with.dis" -
    "$PYBIN/pydis" --show-code "$TMP/w.pyc" | diff -u "$CASES/with.show" -
}

@test "pyasm: fast_week's 86400 * 7 is a single load of 604800" {
    "$PYBIN/pyasm" "$DCASES/fast_week.cfg" > "$TMP/f.pyc"
    run "$PYBIN/pydis" "$TMP/f.pyc"
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | grep -c 'LOAD_CONST.*(604800)')" -eq 1 ]
    [ "$(printf '%s\n' "$output" | grep -c 'BINARY_OP')" -eq 0 ]
}

@test "pyasm: more than 256 constants and far jumps need no prefix" {
    "$PYBIN/pyasm" "$DCASES/long.cfg" > "$TMP/l.pyc"
    "$PYBIN/pydis" "$TMP/l.pyc" | diff -q "$DCASES/long.dis" -
    "$PYBIN/pydis" "$TMP/l.pyc" | grep -q 'LOAD_CONST *300 '
}

# name, expected line, expected message
check_bad() {
    rm -f "$TMP/out.pyc"
    run --separate-stderr "$PYBIN/pyasm" -o "$TMP/out.pyc" "$CASES/$1.cfg"
    echo "status=$status stderr=$stderr"
    [ "$status" -eq 2 ]
    [[ "$stderr" == "pyasm: $CASES/$1.cfg:$2: "*"$3"* ]]
    [ ! -e "$TMP/out.pyc" ]
    [ -z "$output" ]
}

@test "pyasm: malformed: unknown opcode" { check_bad bad_opcode 6 "unknown opcode 'FOO_BAR'"; }
@test "pyasm: malformed: undefined label" { check_bad bad_label 6 "undefined label L99"; }
@test "pyasm: malformed: bad integer argument" { check_bad bad_int_arg 6 "bad argument 'x'"; }
@test "pyasm: malformed: bad comparison argument" { check_bad bad_cmp_arg 8 "bad argument '~' for COMPARE_OP"; }
@test "pyasm: malformed: undeclared variable" { check_bad bad_local 6 "nope is not a declared variable"; }
@test "pyasm: malformed: bad constant" { check_bad bad_const 6 "bad constant"; }
@test "pyasm: malformed: stack underflow" { check_bad bad_underflow 6 "stack underflow: POP_TOP at stack depth 0"; }
@test "pyasm: malformed: inconsistent depth at a join" { check_bad bad_join 8 "inconsistent stack depth at L2: 1 from here, 0 from line 7"; }
@test "pyasm: malformed: jump out of the code object" { check_bad bad_jump_out 7 "jump out of code section 0: L9 is past its last instruction"; }
@test "pyasm: malformed: control falls off the end" { check_bad bad_falloff 7 "control falls off the end of code section 0"; }
@test "pyasm: malformed: no such code section" { check_bad bad_code_ref 6 "code:5: no such code section"; }
@test "pyasm: malformed: POP_BLOCK without SETUP" { check_bad bad_pop_block 6 "POP_BLOCK without an active SETUP"; }
@test "pyasm: malformed: bad position" { check_bad bad_position 6 "bad position"; }
@test "pyasm: malformed: a code section twice" { check_bad bad_dup_code 9 "code section 0 defined twice (first on line 2)"; }
@test "pyasm: malformed: .stacksize below the computed depth" { check_bad bad_stacksize 2 "code section 0: .stacksize 0, but the code needs 1"; }
@test "pyasm: truncated CFG text (no .end)" { check_bad bad_truncated 8 "truncated input: code section 0 has no .end"; }

@test "pyasm: wrong format: a tokens file" {
    printf 'pyfmt tokens 1 x.py\n1,0-1,1:\tNAME\t\x27x\x27\n' > "$TMP/x.tokens"
    run --separate-stderr "$PYBIN/pyasm" -o "$TMP/out.pyc" "$TMP/x.tokens"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"got tokens, expected cfg: run pycfg first"* ]]
    [ ! -e "$TMP/out.pyc" ]
}

@test "pyasm: wrong format: a binary code object" {
    "$PYBIN/pyasm" "$DCASES/fast_week.cfg" > "$TMP/f.pyc"
    run --separate-stderr "$PYBIN/pyasm" "$TMP/f.pyc"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"got a binary code object, expected cfg"* ]]
}

@test "pyasm: an error record is passed on, exit 1, nothing printed" {
    printf 'pyfmt error 1 x.py\nSyntaxError: oops\n' > "$TMP/rec"
    run --separate-stderr "$PYBIN/pyasm" "$TMP/rec"
    [ "$status" -eq 1 ]
    [ -z "$stderr" ]
    [ "$output" = "$(cat "$TMP/rec")" ]
}

@test "pyasm: the man page SYNOPSIS is the usage line" {
    syn=$(groff -man -Tascii -P-cbou "$BATS_TEST_DIRNAME/../man/pyasm.1" | sed -n '/^SYNOPSIS/{n;p;}' | sed 's/^ *//')
    use=$("$PYBIN/pyasm" --help | head -1)
    [ "usage: $syn" = "$use" ]
    [ -z "$(groff -man -ww -z "$BATS_TEST_DIRNAME/../man/pyasm.1" 2>&1)" ]
}

@test "pyasm: pyvm runs the assembled code with CPython's output" {
    [ -x "$PYBIN/pyvm" ] || skip "no pyvm"
    cd "$DCASES"
    fails=""
    # the cases whose features pyvm supports today
    for n in fast_week control functions classes exceptions long; do
        "$PYBIN/pyasm" "$n.cfg" > "$TMP/x.pyc"
        "$PYBIN/pyvm" "$TMP/x.pyc" > "$TMP/out" 2>&1 || fails="$fails $n(exit)"
        cmp -s "$TMP/out" "$n.out" || fails="$fails $n"
    done
    echo "failed:$fails"
    [ -z "$fails" ]
}

@test "pyasm: nested handlers; a NOP standing for a SETUP_* is unprotected, as CPython" {
    "$PYBIN/pyasm" "$CASES/nested_try.cfg" > "$TMP/n.pyc"
    "$PYBIN/pydis" "$TMP/n.pyc" | diff -u "$CASES/nested_try.dis" -
    "$PYBIN/pydis" --show-code "$TMP/n.pyc" | diff -u "$CASES/nested_try.show" -
    grep -q '^  4 to 6 -> 42 \[0\]$' "$CASES/nested_try.dis"
}

@test "pyasm: positions give pyvm CPython's traceback with ^^^^ markers" {
    [ -x "$PYBIN/pyvm" ] || skip "no pyvm"
    "$PYBIN/pyasm" "$DCASES/traceback.cfg" > "$TMP/t.pyc"
    cd "$DCASES"   # the source lines are read from traceback.py
    run "$PYBIN/pyvm" "$TMP/t.pyc"
    [ "$status" -eq 1 ]
    [ "$output" = "$(cat "$DCASES/traceback.out")" ]
}

@test "pyasm: quoted names, .filename and frozenset constants survive the round trip" {
    "$PYBIN/pyasm" "$CASES/quoted.cfg" > "$TMP/q.pyc"
    run "$PYBIN/pydis" --show-code "$TMP/q.pyc"
    [[ "$output" == *"Filename:          dir with space/quoted.py"* ]]
    [[ "$output" == *"   0: "$'\n'"   1: futures"* ]]
    [[ "$output" == *"   2: frozenset({1, 2})"* ]]
    [[ "$output" == *"   2: odd name"* ]]
    "$PYBIN/pydis" --asm "$TMP/q.pyc" > "$TMP/q.cfg"
    grep -q "^    IMPORT_NAME '' @1:0-1:20$" "$TMP/q.cfg"
    grep -q "^pyfmt cfg 1 dir with space/quoted.py$" "$TMP/q.cfg"
    "$PYBIN/pyasm" "$TMP/q.cfg" | cmp - "$TMP/q.pyc"
}
