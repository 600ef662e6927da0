#!/usr/bin/env bats
# tests/robust.bats: no input crashes any tool.
#
# tests/fuzz/malformed/<tool>/  truncated, garbled or wrong inputs for each
#     tool (written by tests/fuzz/mkmalformed.py): each must be rejected with
#     exit 1 or 2 and a message (exit 2: "tool: ..."), no sanitizer report;
# tests/fuzz/hostile/<tool>/    edits that may still be valid: no crash;
# tests/fuzz/regress/<tool>/    inputs that crashed a tool once (found by
#     the fuzz targets, tests/fuzz/mangle.py or tests/gen/robust-vm-mutate.py):
#     rejected cleanly (exit 2 by the verifier, or exit 1 with an exception);
# tests/cases/robust/code/      corrupted code objects (tests/gen/robust-code.py)
#     that pyvm and pydis must both reject naming the offset and the damage,
#     and (runtime.txt) verified but ill-typed ones pyvm must stop with a
#     SystemError;
# tests/cases/robust/vm/         limits in pyvm (RecursionError, MemoryError)
#     with CPython's status and stderr (tests/gen/robust.sh).
# tests/cases/robust/malformed-places.txt  the line each malformed text
#     input must be refused at (exit 2, "tool: NAME:LINE: ...");
# tests/fuzz/malformed/pyrun/    malformed source: pyrun (and pytok) answer
#     with CPython's SyntaxError, line and status (tests/cases/robust/pyrun/).
# Plus closed pipes, deep nesting, huge inputs and memory limits.  Nothing
# here runs python3: CPython's answers are goldens made by tests/gen/.
# Under `make check-sanitize` (PYBIN=bin/san) the sanitizers make every
# out-of-bounds access or use after free a failure here.
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
FUZZ=$BATS_TEST_DIRNAME/fuzz
CASES=$BATS_TEST_DIRNAME/cases/robust
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

# check_reject TOOL FILE: the tool refuses FILE cleanly.  Prints why not.
check_reject() {
    local tool=$1 f=$2 rc err
    err=$(timeout 20 "$PYBIN/$tool" "$f" 2>&1 >/dev/null) && rc=0 || rc=$?
    if grep -q -e 'Sanitizer' -e 'runtime error' <<<"$err"; then
        echo "$tool $(basename "$f"): sanitizer: $(grep -m1 -e ERROR -e 'runtime error' <<<"$err")"
        return 1
    fi
    case $rc in
    1) [ -n "$err" ] || { echo "$tool $(basename "$f"): exit 1 without a message"; return 1; } ;;
    2) case $err in
       "$tool: "*) ;;
       *) echo "$tool $(basename "$f"): exit 2, message not '$tool: ...': ${err:0:120}"; return 1 ;;
       esac ;;
    124) echo "$tool $(basename "$f"): hangs (killed after 20 s)"; return 1 ;;
    *) echo "$tool $(basename "$f"): exit $rc ${err:0:120}"; return 1 ;;
    esac
}

# check_survive TOOL FILE: exit 0, 1 or 2, no sanitizer report, no hang.
check_survive() {
    local tool=$1 f=$2 rc err
    err=$(timeout 20 "$PYBIN/$tool" "$f" 2>&1 >/dev/null) && rc=0 || rc=$?
    if grep -q -e 'Sanitizer' -e 'runtime error' <<<"$err" || [ "$rc" -gt 2 ]; then
        echo "$tool $(basename "$f"): exit $rc ${err:0:160}"
        return 1
    fi
}

# check_dir TOOL DIR FN: FN over every file of DIR; fails listing the bad ones.
check_dir() {
    local tool=$1 dir=$2 fn=$3 n=0 bad=0 f
    [ -x "$PYBIN/$tool" ] || skip "$PYBIN/$tool not built"
    for f in "$dir"/*; do
        n=$((n + 1))
        $fn "$tool" "$f" || bad=$((bad + 1))
    done
    [ "$n" -gt 0 ] || { echo "no files in $dir"; return 1; }
    [ "$bad" -eq 0 ] || { echo "$bad of $n failed"; return 1; }
}

@test "at least 60 malformed inputs and 20 corrupted code objects are checked in" {
    n=$(find "$FUZZ/malformed" -type f | wc -l)
    c=$(grep -c -v '^#' "$CASES/code/cases.txt")
    [ "$n" -ge 60 ] && [ "$c" -ge 20 ] || { echo "malformed=$n code=$c"; false; }
}

@test "pytok: hostile source is rejected with a message" { check_dir pytok "$FUZZ/malformed/pytok" check_reject; }
@test "pyparse: malformed tokens are rejected with a message" { check_dir pyparse "$FUZZ/malformed/pyparse" check_reject; }
@test "pyast: malformed parse trees are rejected with a message" { check_dir pyast "$FUZZ/malformed/pyast" check_reject; }
@test "pysym: malformed ASTs are rejected with a message" { check_dir pysym "$FUZZ/malformed/pysym" check_reject; }
@test "pycfg: malformed symbol tables are rejected with a message" { check_dir pycfg "$FUZZ/malformed/pycfg" check_reject; }
@test "pyasm: malformed CFG text is rejected with a message" { check_dir pyasm "$FUZZ/malformed/pyasm" check_reject; }

@test "verified but wrong code (tests/gen/robust-vm-mutate.py findings): pyvm raises SystemError, no crash" {
    [ -x "$PYBIN/pyvm" ] && [ -x "$PYBIN/pydis" ] || skip "pyvm or pydis not built"
    n=0 bad=0
    while IFS=$'\t' read -r name pat; do
        [[ $name == '#'* ]] && continue
        n=$((n + 1))
        rc=0
        (cd "$CASES/code" && "$PYBIN/pydis" "$name.pyc") > /dev/null 2>&1 \
            || { echo "$name: pydis rejects it (the verifier was to accept it)"; bad=$((bad + 1)); }
        (cd "$CASES/code" && timeout 20 "$PYBIN/pyvm" "$name.pyc") > /dev/null 2> "$BATS_TEST_TMPDIR/err" || rc=$?
        [ "$rc" -eq 1 ] && tail -1 "$BATS_TEST_TMPDIR/err" | grep -Eq -- "$pat" \
            || { echo "$name: exit $rc: $(tail -1 "$BATS_TEST_TMPDIR/err")"; bad=$((bad + 1)); }
    done < "$CASES/code/runtime.txt"
    [ "$n" -ge 2 ] && [ "$bad" -eq 0 ]
}

# Each malformed text input (pyparse .. pyasm) is refused with exit 2 and a
# message "tool: NAME:LINE: ..." naming the line of tests/cases/robust/
# malformed-places.txt, or, for an input refused as a whole (PLACE
# "header"), "tool: NAME: ..." saying what it got and what it expected.
@test "malformed text inputs: exit 2, the tool's name and the line (tests/cases/robust/malformed-places.txt)" {
    n=0 bad=0
    while IFS=$'\t' read -r tool name place; do
        [[ $tool == '#'* ]] && continue
        [ -x "$PYBIN/$tool" ] || continue
        n=$((n + 1))
        rc=0
        err=$(cd "$FUZZ/malformed/$tool" && timeout 10 "$PYBIN/$tool" "$name" 2>&1 >/dev/null) || rc=$?
        err=${err%%$'\n'*}
        if [ "$place" = header ]; then
            [[ $err == "$tool: $name: "* ]] && [[ $err =~ (expected|version) ]] && [ "$rc" -eq 2 ] \
                || { echo "$tool $name: exit $rc, want a whole-input error: ${err:0:160}"; bad=$((bad + 1)); }
        else
            [[ $err == "$tool: $name:$place: "* ]] && [ "$rc" -eq 2 ] \
                || { echo "$tool $name: exit $rc, want '$tool: $name:$place: ...': ${err:0:160}"; bad=$((bad + 1)); }
        fi
    done < "$CASES/malformed-places.txt"
    # every input in the five text directories is listed
    total=$(find "$FUZZ"/malformed/{pyparse,pyast,pysym,pycfg,pyasm} -type f | wc -l)
    [ "$n" -eq "$total" ] || { echo "$n places listed, $total inputs"; bad=$((bad + 1)); }
    [ "$bad" -eq 0 ]
}

# Malformed source (tests/fuzz/malformed/pyrun/: truncated, garbled, bad
# encodings, other formats given as source): pyrun answers exactly as
# CPython does (status and stderr: tests/cases/robust/pyrun/, made by
# tests/gen/robust.sh), and pytok prints the same SyntaxError (the file
# named as given) -- the place is CPython's line and caret.
@test "pyrun: malformed source gets CPython's error, line and status" {
    [ -x "$PYBIN/pyrun" ] || skip "pyrun not built"
    n=0 bad=0
    for f in "$FUZZ"/malformed/pyrun/*; do
        name=$(basename "$f")
        n=$((n + 1))
        rc=0
        (cd "$FUZZ/malformed/pyrun" && exec timeout 10 "$PYBIN/pyrun" "$name") > /dev/null 2> "$BATS_TEST_TMPDIR/err" || rc=$?
        sed "s|@DIR@/|$FUZZ/malformed/pyrun/|g" "$CASES/pyrun/$name.err" > "$BATS_TEST_TMPDIR/exp"
        [ "$rc" -eq "$(cat "$CASES/pyrun/$name.status")" ] && cmp -s "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/err" \
            || { echo "$name: exit $rc: $(tail -1 "$BATS_TEST_TMPDIR/err") / CPython: $(tail -1 "$BATS_TEST_TMPDIR/exp")"; bad=$((bad + 1)); }
    done
    [ "$n" -ge 20 ] && [ "$bad" -eq 0 ] || { echo "$bad of $n differ"; false; }
}

@test "pytok: malformed source gets CPython's SyntaxError text, exit 1" {
    [ -x "$PYBIN/pytok" ] || skip "pytok not built"
    n=0 bad=0
    for f in "$FUZZ"/malformed/pytok/*; do
        name=$(basename "$f")
        [ -f "$CASES/pyrun/$name.err" ] || { echo "$name: no golden in $CASES/pyrun"; bad=$((bad + 1)); continue; }
        n=$((n + 1))
        rc=0
        (cd "$FUZZ/malformed/pytok" && exec timeout 10 "$PYBIN/pytok" "$name") > /dev/null 2> "$BATS_TEST_TMPDIR/err" || rc=$?
        # CPython names the file by its absolute path, pytok as given
        sed "s|@DIR@/||g" "$CASES/pyrun/$name.err" > "$BATS_TEST_TMPDIR/exp"
        sed -i "s| in file $FUZZ/malformed/pytok/| in file |" "$BATS_TEST_TMPDIR/err"
        [ "$rc" -eq 1 ] && cmp -s "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/err" \
            || { echo "$name: exit $rc: $(diff "$BATS_TEST_TMPDIR/exp" "$BATS_TEST_TMPDIR/err" | head -4)"; bad=$((bad + 1)); }
    done
    [ "$n" -ge 10 ] && [ "$bad" -eq 0 ] || { echo "$bad of $n differ"; false; }
}

# check_reject_code TOOL FILE: check_reject, and exit 2 with "byte N:" in the
# message, unless FILE is not binary at all (empty, text).
check_reject_code() {
    local tool=$1 f=$2 err rc=0
    check_reject "$tool" "$f" || return 1
    case $(basename "$f") in empty|text_*) return 0 ;; esac
    err=$(timeout 20 "$PYBIN/$tool" "$f" 2>&1 >/dev/null) || rc=$?
    [ "$rc" -eq 2 ] && grep -Eq "byte [0-9]+:" <<<"$err" \
        || { echo "$tool $(basename "$f"): exit $rc, no byte offset: ${err:0:120}"; return 1; }
}

@test "pydis: corrupted code objects are rejected with a message naming the byte offset" { check_dir pydis "$FUZZ/malformed/pydis" check_reject_code; }
@test "pyvm: corrupted code objects are rejected with a message naming the byte offset, never run" { check_dir pyvm "$FUZZ/malformed/pyvm" check_reject_code; }

# check_code TOOL NAME OFFSET PATTERN: TOOL rejects code/NAME.pyc with exit 2,
# "TOOL: NAME.pyc: byte N: ...", N = OFFSET unless OFFSET is "-", the message
# matching PATTERN (the kind of damage), and nothing on stdout (not run).
check_code() {
    local tool=$1 name=$2 off=$3 pat=$4 rc=0 err out
    out=$(cd "$CASES/code" && timeout 20 "$PYBIN/$tool" "$name.pyc" 2> "$BATS_TEST_TMPDIR/err") || rc=$?
    err=$(cat "$BATS_TEST_TMPDIR/err")
    local why=
    [ "$rc" -eq 2 ] || why="exit $rc"
    [ -z "$out" ] || why="$why; wrote to stdout: ${out:0:60}"
    [[ $err == "$tool: $name.pyc: "* ]] || why="$why; message not '$tool: $name.pyc: ...'"
    if [ "$off" = - ]; then
        grep -Eq "byte [0-9]+:" <<<"$err" || why="$why; no byte offset"
    else
        grep -q "byte $off:" <<<"$err" || why="$why; offset is not byte $off"
    fi
    grep -Eq -- "$pat" <<<"$err" || why="$why; does not say /$pat/"
    [ -z "$why" ] || { echo "$tool $name:$why: ${err:0:200}"; return 1; }
}

@test "corrupted code objects (tests/gen/robust-code.py): pyvm and pydis reject each, naming the offset and the damage" {
    [ -x "$PYBIN/pyvm" ] && [ -x "$PYBIN/pydis" ] || skip "pyvm or pydis not built"
    # the base they were made from is valid and runs (else: regenerate them)
    run bash -c "cd '$CASES/code' && '$PYBIN/pyvm' base.pyc"
    [ "$status" -eq 0 ] && [[ "$output" == "ran -7 5 2.5 (1, 't')" ]] \
        || { echo "base.pyc: exit $status: $output (run tests/gen/robust-code.py bin/...)"; false; }
    n=0 bad=0
    while IFS=$'\t' read -r name off pat; do
        [[ $name == '#'* ]] && continue
        n=$((n + 1))
        check_code pyvm "$name" "$off" "$pat" || bad=$((bad + 1))
        check_code pydis "$name" "$off" "$pat" || bad=$((bad + 1))
    done < "$CASES/code/cases.txt"
    [ "$n" -ge 20 ] || { echo "only $n cases"; false; }
    [ "$bad" -eq 0 ] || { echo "$bad of $((2 * n)) checks failed"; false; }
}

@test "every tool survives edits that may leave its input valid" {
    bad=0
    for d in "$FUZZ"/hostile/*/; do
        t=$(basename "$d")
        [ -x "$PYBIN/$t" ] || continue
        check_dir "$t" "$d" check_survive || bad=1
    done
    [ "$bad" -eq 0 ]
}

@test "regression: pysym's output for a future-annotations walrus is accepted (bogus error + use after free under gcc ASan, libstage/astread.c / symtab.c attach_nodes)" {
    run "$PYBIN/pycfg" "$FUZZ/accepted/pycfg/future_annot_walrus_uaf"
    [ "$status" -eq 0 ] || { echo "exit $status: ${output:0:300}"; false; }
    [[ "$output" != *Sanitizer* ]]
}

@test "regression: symtab 'varnames' record without a scope id (strtol(NULL), libstage/symtab.c)" {
    check_reject pycfg "$FUZZ/regress/pycfg/varnames_without_count"
}

@test "regression: a 10-digit position in an AST (int overflow, libstage/astread.c read_int) [pysym]" {
    check_reject pysym "$FUZZ/regress/pysym/ten_digit_position"
}

@test "regression: a 10-digit position in a symtab's AST (int overflow, libstage/astread.c read_int) [pycfg]" {
    check_reject pycfg "$FUZZ/regress/pycfg/ten_digit_position"
}

@test "regression: cst with a garbled 'import' keyword in import_from (NULL child, cmd/pyast/build.c)" {
    check_reject pyast "$FUZZ/regress/pyast/import_from_garbled_keyword"
}

@test "regression: cst with an empty dotted_name in an import (memcpy from NULL, cmd/pyast/build.c b_alias)" {
    check_reject pyast "$FUZZ/regress/pyast/empty_dotted_name"
}

@test "regression: cst with an f-prefixed STRING whose fields have no parsed expressions (NULL kids, cmd/pyast/build.c fs_pieces)" {
    check_reject pyast "$FUZZ/regress/pyast/fstring_fields_without_kids"
}

@test "regression: a Compare with no operators in a symtab's AST (read before items[0], cmd/pycfg/fold.c) [pycfg]" {
    check_reject pycfg "$FUZZ/regress/pycfg/compare_without_ops"
}

@test "regression: code object whose string length runs past the end (libstage/codeio.c get_bytes) [pyvm, pydis]" {
    check_reject pyvm "$FUZZ/regress/pyvm/string_length_past_end"
    check_reject pydis "$FUZZ/regress/pydis/string_length_past_end"
}

@test "every regression input under tests/fuzz/regress/ is rejected cleanly" {
    bad=0
    for d in "$FUZZ"/regress/*/; do
        t=$(basename "$d")
        [ -x "$PYBIN/$t" ] || continue
        check_dir "$t" "$d" check_reject || bad=1
    done
    [ "$bad" -eq 0 ]
}

# A pipeline stage whose reader goes away: quiet, whether SIGPIPE kills the
# tool (status 141) or is ignored and write() fails with EPIPE (status 2).
big_source() {
    local i
    for ((i = 0; i < 6000; i++)); do echo "x$i = [$i, 's$i', $i.5]  # c"; done
}

@test "closed pipe: every text stage stops quietly under 'head -1'" {
    big_source > "$BATS_TEST_TMPDIR/big.py"
    cd "$BATS_TEST_TMPDIR"
    "$PYBIN/pytok" big.py > big.tok
    "$PYBIN/pyparse" big.tok > big.cst
    "$PYBIN/pyast" big.cst > big.ast
    "$PYBIN/pysym" big.ast > big.sym
    "$PYBIN/pycfg" big.sym > big.cfg
    for s in "pytok big.py" "pyparse big.tok" "pyast big.cst" "pysym big.ast" "pycfg big.sym"; do
        set -- $s
        "$PYBIN/$1" "$2" 2> err | head -1 > /dev/null
        rc=${PIPESTATUS[0]}
        [ ! -s err ] || { echo "$1 wrote: $(head -3 err)"; false; }
        [ "$rc" -eq 141 ] || [ "$rc" -eq 0 ] || { echo "$1: exit $rc"; false; }
    done
}

@test "closed pipe with SIGPIPE ignored: EPIPE is quiet, exit 2" {
    big_source > "$BATS_TEST_TMPDIR/big.py"
    cd "$BATS_TEST_TMPDIR"
    for t in pytok; do
        (trap '' PIPE; "$PYBIN/$t" big.py 2> err | head -1 > /dev/null; echo "${PIPESTATUS[0]}" > rc)
        [ ! -s err ] || { echo "$t wrote: $(head -3 err)"; false; }
        [ "$(cat rc)" -eq 2 ] || { echo "$t: exit $(cat rc)"; false; }
    done
}

@test "closed pipe: pydis on a large code object stops quietly" {
    big_source > "$BATS_TEST_TMPDIR/big.py"
    cd "$BATS_TEST_TMPDIR"
    "$PYBIN/pytok" big.py | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" > big.pyc || skip "pipeline does not build big.pyc yet"
    "$PYBIN/pydis" big.pyc 2> err | head -1 > /dev/null
    rc=${PIPESTATUS[0]}
    [ ! -s err ] || { echo "pydis wrote: $(head -3 err)"; false; }
    [ "$rc" -eq 141 ] || [ "$rc" -eq 0 ]
}

# front SRC: pytok..pysym on SRC, one stage at a time; prints the stages'
# messages; status: that of the first stage to fail, or 99 when a stage was
# killed by a signal (a stack overflow) or a sanitizer spoke.
front() {
    local d=$BATS_TEST_TMPDIR in=$1 rc=0 t
    for t in pytok pyparse pyast pysym; do
        "$PYBIN/$t" "$in" > "$d/front.$t" 2> "$d/front.err" || rc=$?
        cat "$d/front.err"
        if [ "$rc" -ge 128 ] || grep -q -e Sanitizer -e 'runtime error' "$d/front.err"; then
            echo "$t: killed (exit $rc)"
            return 99
        fi
        [ "$rc" -eq 0 ] || return "$rc"
        in=$d/front.$t
    done
}

# rep STR N: STR repeated N times (no newline).
rep() {
    local s=$1 n=$2 out=
    while [ "$n" -gt 0 ]; do
        if [ $((n & 1)) -eq 1 ]; then out=$out$s; fi
        s=$s$s
        n=$((n >> 1))
    done
    printf '%s' "$out"
}

# The 2 MB program x = "abab...ab"; the same bytes as tests/gen/robust.sh's.
huge_literal() {
    printf 'x = "'
    head -c 2000000 /dev/zero | tr '\0' a | sed 's/aa/ab/g'
    printf '"\n'
}

@test "deep nesting: 201 parentheses is CPython's SyntaxError, not a crash" {
    echo "x = $(rep '(' 201)1$(rep ')' 201)" > "$BATS_TEST_TMPDIR/p.py"
    run "$PYBIN/pytok" "$BATS_TEST_TMPDIR/p.py"
    [ "$status" -eq 1 ]
    [[ "$output" == *"SyntaxError: too many nested parentheses"* ]]
}

@test "deep nesting: 101 indentation levels is CPython's IndentationError" {
    for ((i = 0; i < 101; i++)); do echo "$(rep ' ' $i)if x:"; done > "$BATS_TEST_TMPDIR/i.py"
    echo "$(rep ' ' 101)pass" >> "$BATS_TEST_TMPDIR/i.py"
    run "$PYBIN/pytok" "$BATS_TEST_TMPDIR/i.py"
    [ "$status" -eq 1 ]
    [[ "$output" == *"IndentationError: too many levels of indentation"* ]]
}

@test "deep nesting: 10000 unary minus signs give CPython's MemoryError from the parser" {
    echo "x = $(rep - 10000)1" > "$BATS_TEST_TMPDIR/u.py"
    run bash -c "'$PYBIN/pytok' '$BATS_TEST_TMPDIR/u.py' | '$PYBIN/pyparse'"
    [ "$status" -eq 1 ]
    [[ "$output" == *MemoryError* ]]
    [[ "$output" != *Sanitizer* ]]
}

@test "deep nesting: 3000 'not's end the front end with an error, no stack overflow" {
    echo "x = $(rep 'not ' 3000)1" > "$BATS_TEST_TMPDIR/n.py"
    run front "$BATS_TEST_TMPDIR/n.py"
    [ "$status" -eq 1 ] || [ "$status" -eq 2 ] || { echo "$output"; false; }
    [ -n "$output" ]
}

@test "deep nesting: a 100000-term sum ends with an error, no stack overflow (pyparse: libstage/cst.c write_node recursion)" {
    echo "x = 1$(rep '+1' 99999)" > "$BATS_TEST_TMPDIR/s.py"
    run front "$BATS_TEST_TMPDIR/s.py"
    [ "$status" -eq 1 ] || [ "$status" -eq 2 ] || { echo "${output:0:300}"; false; }
    [ -n "$output" ]
}

@test "huge literal: a 2 MB string literal goes through the front end, AST as CPython's" {
    huge_literal > "$BATS_TEST_TMPDIR/h.py"
    # line 1: the input's sha256 (the generator made the same bytes), line 2: its AST's
    [ "$(sha256sum < "$BATS_TEST_TMPDIR/h.py" | cut -d' ' -f1)" = "$(sed -n 1p "$CASES/huge_literal.sha256")" ]
    "$PYBIN/pytok" "$BATS_TEST_TMPDIR/h.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" > "$BATS_TEST_TMPDIR/h.ast"
    [ "$(tail -n +2 "$BATS_TEST_TMPDIR/h.ast" | sha256sum | cut -d' ' -f1)" = "$(sed -n 2p "$CASES/huge_literal.sha256")" ]
}

@test "huge integer literal: 50000 digits tokenized and parsed without a crash" {
    echo "x = $(rep 7 50000)" > "$BATS_TEST_TMPDIR/d.py"
    run bash -c "'$PYBIN/pytok' '$BATS_TEST_TMPDIR/d.py' | '$PYBIN/pyparse' | '$PYBIN/pyast' > /dev/null"
    [ "$status" -eq 0 ] || [ "$status" -eq 1 ]
    [[ "$output" != *Sanitizer* ]]
}

@test "memory limit: under ulimit -v the tools say 'out of memory' or succeed, never crash" {
    case $PYBIN in *san*) skip "sanitizer builds reserve too much address space for ulimit -v" ;; esac
    big_source > "$BATS_TEST_TMPDIR/big.py"
    cd "$BATS_TEST_TMPDIR"
    "$PYBIN/pytok" big.py > big.tok
    "$PYBIN/pyparse" big.tok > big.cst
    for s in "pytok big.py" "pyparse big.tok" "pyast big.cst"; do
        set -- $s
        rc=0
        (ulimit -v 30000; "$PYBIN/$1" "$2" > /dev/null 2> err) || rc=$?
        [ "$rc" -eq 0 ] || { [ "$rc" -eq 2 ] && grep -q "out of memory" err; } \
            || { echo "$1: exit $rc: $(head -2 err)"; false; }
    done
}

@test "a directory as input is an error with a message, exit 2" {
    for t in pytok pyparse pyast pysym pycfg pyasm pydis pyvm; do
        [ -x "$PYBIN/$t" ] || continue
        run "$PYBIN/$t" "$BATS_TEST_TMPDIR"
        [ "$status" -eq 2 ] || { echo "$t: exit $status: $output"; false; }
        [[ "$output" == "$t: "* ]] || { echo "$t: $output"; false; }
    done
}

@test "a missing file is an error with a message, exit 2" {
    for t in pytok pyparse pyast pysym pycfg pyasm pydis pyvm; do
        [ -x "$PYBIN/$t" ] || continue
        run "$PYBIN/$t" "$BATS_TEST_TMPDIR/no-such-file"
        [ "$status" -eq 2 ] || { echo "$t: exit $status: $output"; false; }
        [[ "$output" == *"No such file"* ]] || { echo "$t: $output"; false; }
    done
}

@test "write error: output to /dev/full is reported, exit 2" {
    printf 'x = 1\n' > "$BATS_TEST_TMPDIR/w.py"
    run "$PYBIN/pytok" -o /dev/full "$BATS_TEST_TMPDIR/w.py"
    [ "$status" -eq 2 ]
    [[ "$output" == "pytok: "*"No space left on device"* ]]
}

# --- limits in pyvm -------------------------------------------------------

# compile SRC.py to SRC.pyc with the front end and back end
compile_py() {
    "$PYBIN/pytok" "$1" | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" > "${1%.py}.pyc"
}

# vm_case NAME [LIMIT]: pyrun on tests/cases/robust/vm/NAME.py (under
# `ulimit -v LIMIT` if given) ends with CPython's status and stdout
# (NAME.status, NAME.out; tests/gen/robust.sh) and its stderr: all of it,
# or for a RecursionError (whose "[Previous line repeated N more times]"
# depends on frame accounting) the first and last lines.  No crash: the C
# stack stays safe however deep the Python recursion goes.
vm_case() {
    [ -x "$PYBIN/pyrun" ] || skip "pyrun not built"
    local n=$1 lim=${2:-unlimited} rc=0 d=$BATS_TEST_TMPDIR
    if [ "$lim" != unlimited ]; then
        case $PYBIN in *san*) skip "sanitizer builds reserve too much address space for ulimit -v" ;; esac
    fi
    (cd "$CASES/vm" && ulimit -v "$lim" && exec timeout 120 "$PYBIN/pyrun" "$n.py") \
        > "$d/out" 2> "$d/err" || rc=$?
    [ "$rc" -eq "$(cat "$CASES/vm/$n.status")" ] \
        || { echo "exit $rc, CPython $(cat "$CASES/vm/$n.status"): $(tail -3 "$d/err")"; return 1; }
    cmp -s "$d/out" "$CASES/vm/$n.out" || { echo "stdout differs: $(head -c 200 "$d/out")"; return 1; }
    if grep -q '^RecursionError' "$CASES/vm/$n.err"; then
        [ "$(head -1 "$d/err")" = "$(head -1 "$CASES/vm/$n.err")" ] \
            && [ "$(tail -1 "$d/err")" = "$(tail -1 "$CASES/vm/$n.err")" ] \
            || { echo "pyrun: $(head -1 "$d/err") ... $(tail -1 "$d/err")"; echo "CPython: $(tail -1 "$CASES/vm/$n.err")"; return 1; }
    else
        sed "s|@DIR@/|$CASES/vm/|g" "$CASES/vm/$n.err" > "$d/exp"
        diff "$d/exp" "$d/err" || { echo "stderr differs from CPython's"; return 1; }
    fi
}

@test "RecursionError: plain recursion" { vm_case rec_plain; }
@test "RecursionError: recursion through __getattr__" { vm_case rec_getattr; }
@test "RecursionError: recursion through a builtin (sorted key), C stack safe" { vm_case rec_sorted_key; }
@test "RecursionError: repr of a list nested 200000 deep" { vm_case rec_repr_nested_list; }
@test "RecursionError: repr of a dict nested 100000 deep" { vm_case rec_repr_nested_dict; }
@test "RecursionError: __repr__ calling repr(self), CPython's message" { vm_case rec_repr; }
@test "RecursionError: __str__ calling str(self) under print" { vm_case rec_str_print; }
@test "RecursionError: __eq__ calling == on itself" { vm_case rec_eq; }
@test "RecursionError: __hash__ calling hash(self)" { vm_case rec_hash; }
@test "RecursionError: generators nested by yield from" { vm_case rec_nested_generators; }
@test "RecursionError: comparing two lists nested 100000 deep ('in comparison')" { vm_case rec_compare_nested_lists; }
@test "freeing a list and a dict nested a million deep does not overflow the C stack" { vm_case dealloc_deep; }
@test "an exception chain (__context__) 100000 long is built, walked and freed" { vm_case deep_exception_chain; }

@test "MemoryError: a failed allocation is a catchable MemoryError under ulimit -v" { vm_case mem_caught 400000; }
@test "MemoryError: [0] * 10**10 under ulimit -v, CPython's traceback, exit 1" { vm_case mem_list_repeat 400000; }
@test "MemoryError: 'x' * 10**10 under ulimit -v, CPython's traceback, exit 1" { vm_case mem_str_repeat 400000; }
@test "MemoryError: b'ab' * 10**10 under ulimit -v, CPython's traceback, exit 1" { vm_case mem_bytes_repeat 400000; }
@test "MemoryError: bytearray(10**10) under ulimit -v, CPython's traceback, exit 1" { vm_case mem_bytearray 400000; }
@test "MemoryError: 2 ** 10**10 under ulimit -v, CPython's traceback, exit 1" { vm_case mem_int_pow 400000; }
@test "MemoryError: list(range(10**10)) under ulimit -v, CPython's traceback, exit 1" { vm_case mem_list_range 400000; }
@test "MemoryError: a 1 GB str.join under ulimit -v, CPython's traceback, exit 1" { vm_case mem_str_join 400000; }
@test "MemoryError: dict.fromkeys(range(10**9)) growing the dict, CPython's traceback" { vm_case mem_dict_grow 400000; }
@test "MemoryError: set(range(10**9)) growing the set, CPython's traceback" { vm_case mem_set_grow 400000; }
@test "MemoryError: a 1 GB bytes.replace under ulimit -v, CPython's traceback" { vm_case mem_bytes_replace 400000; }
@test "MemoryError: str.format width 10**10 ('{:>10000000000}'), CPython's traceback" { vm_case mem_format_width 400000; }
@test "MemoryError: f-string width 10**10, CPython's traceback" { vm_case mem_fstring_width 400000; }
@test "MemoryError: list.extend(range(10**10)), CPython's traceback" { vm_case mem_list_extend 400000; }
@test "MemoryError: multiplying two 150 MB ints, CPython's traceback on the multiplication" { vm_case mem_int_mul 400000; }
@test "MemoryError: ' '.ljust(10**10), CPython's traceback" { vm_case mem_ljust 400000; }
@test "MemoryError: str.zfill(10**10) at once, not byte by byte" { vm_case mem_zfill 400000; }
@test "MemoryError: bytes.center(10**10) at once, not byte by byte" { vm_case mem_bytes_center 400000; }
@test "expandtabs(10**10) is CPython's OverflowError (a C int tabsize), not a hang" { vm_case mem_expandtabs_overflow 400000; }
@test "MemoryError: list.extend and a comprehension past the memory limit are caught, the program goes on" { vm_case mem_list_comprehension_append 400000; }
@test "MemoryError: a float precision of 10**9 digits (printf fails) is MemoryError, not garbage" { vm_case mem_float_precision 400000; }
@test "MemoryError: (1, 2) * 10**10, CPython's traceback" { vm_case mem_tuple_repeat 400000; }
@test "MemoryError: bytes(10**10), CPython's traceback" { vm_case mem_bytes_zeros 400000; }
@test "MemoryError: memory exhausted by many small objects (list(map(str, range(10**9)))), CPython's traceback" { vm_case mem_many_small_objects 400000; }
@test "MemoryError: small objects exhausting memory, caught twice, the program goes on (cmd/pyvm/alloc.c reserve)" { vm_case mem_many_small_caught 400000; }

@test "KeyboardInterrupt: SIGINT in pyvm prints CPython's traceback and dies by SIGINT" {
    [ -x "$PYBIN/pyvm" ] || skip "pyvm not built"
    f=$BATS_TEST_TMPDIR/loop.py
    printf 'print("start", flush=True)\nwhile True:\n    pass\n' > "$f"
    compile_py "$f"
    # SIGINT at its default in the child whatever bats does with it; after
    # 2 s timeout sends SIGINT and returns the child's status (128 + 2)
    rc=0
    (trap - INT; exec timeout -s INT -k 10 --preserve-status 2 "$PYBIN/pyvm" "${f%.py}.pyc") \
        > "$f.out" 2> "$f.err" || rc=$?
    [ "$(cat "$f.out")" = start ] || { echo "stdout: $(cat "$f.out")"; false; }
    [ "$(head -1 "$f.err")" = "Traceback (most recent call last):" ] || { cat "$f.err"; false; }
    [ "$(tail -1 "$f.err")" = KeyboardInterrupt ] || { cat "$f.err"; false; }
    [ "$rc" -eq 130 ] || { echo "exit $rc"; false; }
}

@test "closed pipe: pyrun printing 200000 lines into 'head -1' stops quietly" {
    [ -x "$PYBIN/pyrun" ] || skip "pyrun not built"
    cd "$BATS_TEST_TMPDIR"
    printf 'for i in range(200000):\n    print(i)\n' > bigprint.py
    first=$("$PYBIN/pyrun" bigprint.py 2> err | head -1; echo "rc=${PIPESTATUS[0]}")
    [ "$first" = $'0\nrc=141' ] || [ "$first" = $'0\nrc=0' ] || { echo "$first"; false; }
    [ ! -s err ] || { echo "pyrun wrote: $(head -3 err)"; false; }
}

@test "100 nested lambdas compile and run as in CPython" {
    [ -x "$PYBIN/pyvm" ] || skip "pyvm not built"
    f=$BATS_TEST_TMPDIR/lambdas.py
    echo "f = $(rep 'lambda: ' 100)1" > "$f"
    echo "print(f$(rep '()' 100))" >> "$f"
    compile_py "$f"
    run "$PYBIN/pyvm" "${f%.py}.pyc"
    [ "$status" -eq 0 ] && [ "$output" = 1 ] || { echo "exit $status: $output"; false; }
}

# --- no hang on truncated input -------------------------------------------

# A small program with nested code objects, made into every format by the
# pipeline; each form cut at a quarter, half, three quarters and one byte
# short, given to every tool as a file and on stdin: each run ends within
# 10 s with exit 0, 1 or 2 (no hang waiting for more input, no crash).
# The cut source may still be a valid program; it has no loop that a cut
# can make endless.
@test "no hang: every tool on every format cut short ends within 10 s (file and stdin)" {
    for t in pytok pyparse pyast pysym pycfg pyasm pyvm pydis pyrun; do
        [ -x "$PYBIN/$t" ] || skip "$PYBIN/$t not built"
    done
    cd "$BATS_TEST_TMPDIR"
    cat > seed.py <<'PY'
import sys

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

class Point:
    def __init__(self, x, y=2.5):
        self.x, self.y = x, y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

total = 0
for i in range(10):
    try:
        total += fib(i) // (i - 3)
    except ZeroDivisionError as e:
        print("skip", i, e)
print(total, f"{Point(3, 4).norm():.2f}", [k * 2 for k in range(3) if k])
PY
    "$PYBIN/pytok" seed.py > seed.tok
    "$PYBIN/pyparse" seed.tok > seed.cst
    "$PYBIN/pyast" seed.cst > seed.ast
    "$PYBIN/pysym" seed.ast > seed.sym
    "$PYBIN/pycfg" seed.sym > seed.cfg
    "$PYBIN/pyasm" seed.cfg > seed.pyc
    runs=0 bad=0
    for form in py tok cst ast sym cfg pyc; do
        size=$(wc -c < "seed.$form")
        for cut in $((size / 4)) $((size / 2)) $((size * 3 / 4)) $((size - 1)); do
            head -c "$cut" "seed.$form" > "cut_$cut.$form"
            for t in pytok pyparse pyast pysym pycfg pyasm pyvm pydis pyrun; do
                for how in file stdin; do
                    rc=0
                    if [ $how = file ]; then
                        timeout 10 "$PYBIN/$t" "cut_$cut.$form" > /dev/null 2> err || rc=$?
                    else
                        timeout 10 "$PYBIN/$t" < "cut_$cut.$form" > /dev/null 2> err || rc=$?
                    fi
                    runs=$((runs + 1))
                    if [ "$rc" -gt 2 ] || grep -q -e Sanitizer -e 'runtime error' err; then
                        bad=$((bad + 1))
                        echo "$t on seed.$form cut at $cut/$size ($how): exit $rc$([ "$rc" -eq 124 ] && echo ' (hung)') $(head -c 200 err)"
                    fi
                done
            done
        done
    done
    [ "$runs" -eq 504 ] && [ "$bad" -eq 0 ] || { echo "$bad of $runs runs failed"; false; }
}
