#!/usr/bin/env bats
# tests/pydis.bats: pydis, binary code object -> listing, metadata, CFG text.
#
# Oracles from CPython 3.11 (regenerate: sh tests/gen/pydis.sh): for each
# tests/cases/pydis/NAME.py, NAME.cfg is CPython's code rewritten in this
# instruction set, NAME.dis the listing CPython's own dis formatter makes of
# it, NAME.show dis.code_info() of CPython's code.  bad_*.pyc are binaries
# with a valid checksum but invalid contents (tests/gen/badcode.py).

bats_require_minimum_version 1.5.0
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES="$BATS_TEST_DIRNAME/cases/pydis"

setup() {
    TMP="$BATS_TEST_TMPDIR"
}

@test "pydis: usage, version, bad option, conflicting modes" {
    run "$PYBIN/pydis" --help
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "usage: pydis [-h] [--version] [--asm | --show-code] [-o FILE] [FILE]" ]
    run "$PYBIN/pydis" --version
    [ "$output" = "pydis (pytools) 0.1.0" ]
    run --separate-stderr "$PYBIN/pydis" --bogus
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"usage: pydis"* ]]
    run --separate-stderr "$PYBIN/pydis" --asm --show-code "$CASES/good_min.pyc"
    [ "$status" -eq 2 ]
}

@test "pydis: listings in CPython 3.11 dis layout" {
    cd "$CASES"
    fails=""
    n=0
    for f in *.cfg; do
        n=$((n + 1))
        "$PYBIN/pyasm" "$f" > "$TMP/x.pyc" || { fails="$fails $f(pyasm)"; continue; }
        "$PYBIN/pydis" "$TMP/x.pyc" > "$TMP/out" || fails="$fails $f(exit)"
        cmp -s "$TMP/out" "${f%.cfg}.dis" || fails="$fails $f"
    done
    echo "failed:$fails"
    [ -z "$fails" ]
    [ "$n" -ge 8 ]
}

@test "pydis: --show-code as dis.show_code, every code object" {
    cd "$CASES"
    fails=""
    for f in *.cfg; do
        "$PYBIN/pyasm" "$f" > "$TMP/x.pyc" || { fails="$fails $f(pyasm)"; continue; }
        "$PYBIN/pydis" --show-code "$TMP/x.pyc" > "$TMP/out" || fails="$fails $f(exit)"
        cmp -s "$TMP/out" "${f%.cfg}.show" || fails="$fails $f"
    done
    echo "failed:$fails"
    [ -z "$fails" ]
}

@test "pydis: --asm | pyasm reproduces the binary byte for byte" {
    cd "$CASES"
    fails=""
    for f in *.cfg; do
        "$PYBIN/pyasm" "$f" > "$TMP/a.pyc"
        "$PYBIN/pydis" --asm "$TMP/a.pyc" > "$TMP/b.cfg" || fails="$fails $f(exit)"
        "$PYBIN/pyasm" "$TMP/b.cfg" > "$TMP/b.pyc" || fails="$fails $f(pyasm)"
        cmp -s "$TMP/a.pyc" "$TMP/b.pyc" || fails="$fails $f"
    done
    echo "failed:$fails"
    [ -z "$fails" ]
}

@test "pydis: nested code objects get a Disassembly heading with a stable address" {
    "$PYBIN/pyasm" "$CASES/functions.cfg" > "$TMP/f.pyc"
    run "$PYBIN/pydis" "$TMP/f.pyc"
    [ "$status" -eq 0 ]
    [[ "$output" == *'Disassembly of <code object outer at 0x0, file "functions.py", line 1>:'* ]]
    [[ "$output" == *'Disassembly of <code object inner at 0x0, file "functions.py", line 3>:'* ]]
    [ "$(printf '%s\n' "$output" | grep -c '^Disassembly of')" -eq 5 ]
}

@test "pydis: jump targets are marked >> and exception tables listed" {
    "$PYBIN/pyasm" "$CASES/exceptions.cfg" > "$TMP/e.pyc"
    run "$PYBIN/pydis" "$TMP/e.pyc"
    [[ "$output" == *"ExceptionTable:"* ]]
    [[ "$output" == *">>"* ]]
}

@test "pydis: a minimal hand-made binary without positions" {
    run "$PYBIN/pydis" "$CASES/good_min.pyc"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "          0 RESUME                   0" ]
    [ "${lines[1]}" = "          2 LOAD_CONST               0 (None)" ]
}

@test "pydis: truncated binary: exit 2, message with the byte offset" {
    "$PYBIN/pyasm" "$CASES/control.cfg" > "$TMP/a.pyc"
    size=$(wc -c < "$TMP/a.pyc")
    for cut in 3 10 19 20 40 $((size - 1)); do
        head -c "$cut" "$TMP/a.pyc" > "$TMP/t.pyc"
        run --separate-stderr "$PYBIN/pydis" "$TMP/t.pyc"
        echo "cut=$cut status=$status $stderr"
        [ "$status" -eq 2 ]
        [[ "$stderr" == "pydis: $TMP/t.pyc: "* ]]
        [ -z "$output" ]
    done
    head -c 100 "$TMP/a.pyc" > "$TMP/t.pyc"
    run --separate-stderr "$PYBIN/pydis" "$TMP/t.pyc"
    [[ "$stderr" == *"byte 100: truncated: body is 80 bytes, header says"* ]]
}

@test "pydis: a corrupted byte fails the checksum" {
    "$PYBIN/pyasm" "$CASES/control.cfg" > "$TMP/a.pyc"
    cp "$TMP/a.pyc" "$TMP/c.pyc"
    printf '\377' | dd of="$TMP/c.pyc" bs=1 seek=60 conv=notrunc 2>/dev/null
    run --separate-stderr "$PYBIN/pydis" "$TMP/c.pyc"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"byte 16: checksum mismatch"* ]]
}

@test "pydis: text-mode corruption (CRLF) is caught by the sentinel" {
    "$PYBIN/pyasm" "$CASES/control.cfg" > "$TMP/a.pyc"
    sed 's/\r$//' "$TMP/a.pyc" > "$TMP/c.pyc"
    run --separate-stderr "$PYBIN/pydis" "$TMP/c.pyc"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"byte 6: corrupted sentinel"* ]]
}

check_bad() {
    run --separate-stderr "$PYBIN/pydis" "$CASES/$1.pyc"
    echo "status=$status $stderr"
    [ "$status" -eq 2 ]
    [[ "$stderr" == "pydis: $CASES/$1.pyc: byte "*"$2"* ]]
    [ -z "$output" ]
}

@test "pydis: invalid contents: constant index" { check_bad bad_const_index "LOAD_CONST: constant index 5 out of range"; }
@test "pydis: invalid contents: name index" { check_bad bad_name_index "LOAD_NAME: name index 0 out of range"; }
@test "pydis: invalid contents: opcode" { check_bad bad_opcode "invalid opcode 250"; }
@test "pydis: invalid contents: jump target" { check_bad bad_jump "jump target 99 out of range"; }
@test "pydis: invalid contents: local index" { check_bad bad_local "local index 0 out of range"; }
@test "pydis: invalid contents: exception table" { check_bad bad_exctable "empty exception range"; }
@test "pydis: invalid contents: constant tag" { check_bad bad_const_tag "unknown constant tag 0x51"; }
@test "pydis: invalid contents: stack underflow" { check_bad bad_underflow "60: instruction 1: POP_TOP: stack underflow at depth 0"; }
@test "pydis: invalid contents: stack size too small" { check_bad bad_stacksize "64: instruction 2: LOAD_CONST: stack depth 2 exceeds the stack size 1"; }
@test "pydis: invalid contents: control runs off the end" { check_bad bad_falloff "64: instruction 2: control runs off the end of the code"; }

@test "pydis: wrong format: text input" {
    printf 'print(1)\n' > "$TMP/x.py"
    run --separate-stderr "$PYBIN/pydis" "$TMP/x.py"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"not a binary code object"*"run pyasm first"* ]]
    run --separate-stderr "$PYBIN/pydis" "$CASES/control.cfg"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"got cfg, expected a binary code object: run pyasm first"* ]]
}

@test "pydis: -o FILE and stdin" {
    "$PYBIN/pyasm" "$CASES/fast_week.cfg" > "$TMP/f.pyc"
    "$PYBIN/pydis" -o "$TMP/out" < "$TMP/f.pyc"
    cmp "$TMP/out" "$CASES/fast_week.dis"
}

@test "pydis: the man page SYNOPSIS is the usage line" {
    syn=$(groff -man -Tascii -P-cbou "$BATS_TEST_DIRNAME/../man/pydis.1" | sed -n '/^SYNOPSIS/{n;p;}' | sed 's/^ *//')
    use=$("$PYBIN/pydis" --help | head -1)
    [ "usage: $syn" = "$use" ]
    [ -z "$(groff -man -ww -z "$BATS_TEST_DIRNAME/../man/pydis.1" 2>&1)" ]
}

@test "pydis: the whole pipeline folds fast_week to one load of 604800" {
    for t in pytok pyparse pyast pysym pycfg; do
        [ -x "$PYBIN/$t" ] || skip "no $t"
    done
    cd "$CASES"
    "$PYBIN/pytok" fast_week.py | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" |
        "$PYBIN/pycfg" | "$PYBIN/pyasm" > "$TMP/f.pyc"
    run "$PYBIN/pydis" "$TMP/f.pyc"
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | grep -c 'LOAD_CONST.*(604800)$')" -eq 1 ]
    [ "$(printf '%s\n' "$output" | grep -c 'BINARY_OP')" -eq 0 ]
    "$PYBIN/pydis" --asm "$TMP/f.pyc" | "$PYBIN/pyasm" | cmp - "$TMP/f.pyc"
}

@test "pydis: fast_week compiled from source through the whole pipeline loads 604800 once" {
    printf 'def fast_week():\n    return 86400 * 7\n' > "$BATS_TEST_TMPDIR/fw.py"
    "$PYBIN/pytok" "$BATS_TEST_TMPDIR/fw.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o "$BATS_TEST_TMPDIR/fw.pyc"
    run "$PYBIN/pydis" "$BATS_TEST_TMPDIR/fw.pyc"
    [ "$status" -eq 0 ]
    body=$(printf '%s\n' "$output" | sed -n '/Disassembly of <code object fast_week/,$p')
    [ "$(printf '%s\n' "$body" | grep -c 'LOAD_CONST.*(604800)')" -eq 1 ]
    [ "$(printf '%s\n' "$body" | grep -c 'BINARY_OP')" -eq 0 ]
}
