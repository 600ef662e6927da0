#!/usr/bin/env bats
# tests/robust.bats: no input crashes any tool.
#
# tests/fuzz/malformed/<tool>/  truncated, garbled or wrong inputs for each
#     tool (written by tests/fuzz/mkmalformed.py): each must be rejected with
#     exit 1 or 2 and a message (exit 2: "tool: ..."), no sanitizer report;
# tests/fuzz/hostile/<tool>/    edits that may still be valid: no crash;
# tests/fuzz/regress/<tool>/    inputs that crashed a tool once (found by
#     the fuzz targets or tests/fuzz/mangle.py): rejected cleanly.
# Plus closed pipes, deep nesting, huge inputs and memory limits.
# Under `make check-sanitize` (PYBIN=bin/san) the sanitizers make every
# out-of-bounds access or use after free a failure here.
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
FUZZ=$BATS_TEST_DIRNAME/fuzz
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
    c=$(find "$FUZZ/malformed/pyvm" "$FUZZ/malformed/pydis" -type f | wc -l)
    [ "$n" -ge 60 ] && [ "$c" -ge 20 ] || { echo "malformed=$n code=$c"; false; }
}

@test "pytok: hostile source is rejected with a message" { check_dir pytok "$FUZZ/malformed/pytok" check_reject; }
@test "pyparse: malformed tokens are rejected with a message" { check_dir pyparse "$FUZZ/malformed/pyparse" check_reject; }
@test "pyast: malformed parse trees are rejected with a message" { check_dir pyast "$FUZZ/malformed/pyast" check_reject; }
@test "pysym: malformed ASTs are rejected with a message" { check_dir pysym "$FUZZ/malformed/pysym" check_reject; }
@test "pycfg: malformed symbol tables are rejected with a message" { check_dir pycfg "$FUZZ/malformed/pycfg" check_reject; }
@test "pyasm: malformed CFG text is rejected with a message" { check_dir pyasm "$FUZZ/malformed/pyasm" check_reject; }
@test "pydis: corrupted code objects are rejected with a message" { check_dir pydis "$FUZZ/malformed/pydis" check_reject; }
@test "pyvm: corrupted code objects are rejected with a message, never run" { check_dir pyvm "$FUZZ/malformed/pyvm" check_reject; }

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

@test "deep nesting: 201 parentheses is CPython's SyntaxError, not a crash" {
    /usr/bin/python3 -c "print('x = ' + '(' * 201 + '1' + ')' * 201)" > "$BATS_TEST_TMPDIR/p.py"
    run "$PYBIN/pytok" "$BATS_TEST_TMPDIR/p.py"
    [ "$status" -eq 1 ]
    [[ "$output" == *"SyntaxError: too many nested parentheses"* ]]
}

@test "deep nesting: 101 indentation levels is CPython's IndentationError" {
    /usr/bin/python3 -c "print(''.join(' ' * i + 'if x:\n' for i in range(101)) + ' ' * 101 + 'pass')" \
        > "$BATS_TEST_TMPDIR/i.py"
    run "$PYBIN/pytok" "$BATS_TEST_TMPDIR/i.py"
    [ "$status" -eq 1 ]
    [[ "$output" == *"IndentationError: too many levels of indentation"* ]]
}

@test "deep nesting: 10000 unary minus signs give CPython's MemoryError from the parser" {
    /usr/bin/python3 -c "print('x = ' + '-' * 10000 + '1')" > "$BATS_TEST_TMPDIR/u.py"
    run bash -c "'$PYBIN/pytok' '$BATS_TEST_TMPDIR/u.py' | '$PYBIN/pyparse'"
    [ "$status" -eq 1 ]
    [[ "$output" == *MemoryError* ]]
    [[ "$output" != *Sanitizer* ]]
}

@test "deep nesting: 3000 'not's end the front end with an error, no stack overflow" {
    /usr/bin/python3 -c "print('x = ' + 'not ' * 3000 + '1')" > "$BATS_TEST_TMPDIR/n.py"
    run front "$BATS_TEST_TMPDIR/n.py"
    [ "$status" -eq 1 ] || [ "$status" -eq 2 ] || { echo "$output"; false; }
    [ -n "$output" ]
}

@test "deep nesting: a 100000-term sum ends with an error, no stack overflow (pyparse: libstage/cst.c write_node recursion)" {
    /usr/bin/python3 -c "print('x = ' + '+'.join(['1'] * 100000))" > "$BATS_TEST_TMPDIR/s.py"
    run front "$BATS_TEST_TMPDIR/s.py"
    [ "$status" -eq 1 ] || [ "$status" -eq 2 ] || { echo "${output:0:300}"; false; }
    [ -n "$output" ]
}

@test "huge literal: a 2 MB string literal goes through the front end, AST as CPython's" {
    /usr/bin/python3 -c "print('x = \"' + 'ab' * 1000000 + '\"')" > "$BATS_TEST_TMPDIR/h.py"
    "$PYBIN/pytok" "$BATS_TEST_TMPDIR/h.py" | "$PYBIN/pyparse" | "$PYBIN/pyast" > "$BATS_TEST_TMPDIR/h.ast"
    /usr/bin/python3 -m ast -a --no-type-comments "$BATS_TEST_TMPDIR/h.py" > "$BATS_TEST_TMPDIR/h.exp"
    tail -n +2 "$BATS_TEST_TMPDIR/h.ast" | cmp - "$BATS_TEST_TMPDIR/h.exp"
}

@test "huge integer literal: 50000 digits tokenized and parsed without a crash" {
    /usr/bin/python3 -c "print('x = ' + '7' * 50000)" > "$BATS_TEST_TMPDIR/d.py"
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

# vm_vs_cpython NAME SOURCE: pyvm and CPython end with the same status and
# the same last line of stderr.
vm_vs_cpython() {
    [ -x "$PYBIN/pyvm" ] || skip "pyvm not built"
    local f=$BATS_TEST_TMPDIR/$1.py
    printf '%b' "$2" > "$f"
    compile_py "$f" || { echo "does not compile"; return 1; }
    local rc=0 crc=0
    timeout 60 "$PYBIN/pyvm" "${f%.py}.pyc" > /dev/null 2> "$f.err" || rc=$?
    /usr/bin/python3 "$f" > /dev/null 2> "$f.cp" || crc=$?
    [ "$rc" -eq "$crc" ] || { echo "pyvm exit $rc, CPython $crc: $(tail -2 "$f.err")"; return 1; }
    [ "$(tail -1 "$f.err")" = "$(tail -1 "$f.cp")" ] \
        || { echo "pyvm: $(tail -1 "$f.err")"; echo "CPython: $(tail -1 "$f.cp")"; return 1; }
}

@test "RecursionError: plain recursion" {
    vm_vs_cpython rec1 'def f(n):\n    return f(n + 1)\nf(0)\n'
}

@test "RecursionError: recursion through __getattr__" {
    vm_vs_cpython rec3 'class B:\n    def __getattr__(self, n):\n        return self.x\nB().y\n'
}

@test "RecursionError: recursion through a builtin (sorted key), C stack safe" {
    vm_vs_cpython rec4 'def g(n):\n    return sorted([1, 2], key=lambda k: g(n + 1))\ng(0)\n'
}

@test "RecursionError: repr of a list nested 200000 deep" {
    vm_vs_cpython rec5 'x = []\nfor i in range(200000):\n    x = [x]\nprint(len(str(x)) > 0)\n'
}

@test "RecursionError: __repr__ calling repr(self), CPython's message" {
    vm_vs_cpython rec2 'class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n'
}

@test "freeing a list nested a million deep does not overflow the C stack" {
    vm_vs_cpython dealloc 'x = []\nfor i in range(1000000):\n    x = [x]\ndel x\nd = {}\nfor i in range(1000000):\n    d = {"k": d}\nd = None\nprint("ok")\n'
}

@test "MemoryError: a failed allocation is a catchable MemoryError under ulimit -v" {
    [ -x "$PYBIN/pyvm" ] || skip "pyvm not built"
    case $PYBIN in *san*) skip "sanitizer builds reserve too much address space for ulimit -v" ;; esac
    f=$BATS_TEST_TMPDIR/mem.py
    printf 'try:\n    x = "a" * (10 ** 10)\nexcept MemoryError:\n    print("caught")\n' > "$f"
    compile_py "$f"
    run bash -c "ulimit -v 400000; '$PYBIN/pyvm' '${f%.py}.pyc'"
    [ "$status" -eq 0 ] || { echo "exit $status: $output"; false; }
    [ "$output" = caught ]
}

@test "KeyboardInterrupt: SIGINT in pyvm prints CPython's traceback and dies by SIGINT" {
    [ -x "$PYBIN/pyvm" ] || skip "pyvm not built"
    f=$BATS_TEST_TMPDIR/loop.py
    printf 'print("start", flush=True)\nwhile True:\n    pass\n' > "$f"
    compile_py "$f"
    run /usr/bin/python3 "$BATS_TEST_DIRNAME/fuzz/vm/sigint.py" "$PYBIN/pyvm" "${f%.py}.pyc"
    [[ "$output" == *$'\nKeyboardInterrupt\nrc -2' ]] || { echo "$output"; false; }
}

@test "100 nested lambdas compile and run as in CPython" {
    src="f = $(printf 'lambda: %.0s' $(seq 100))1\\nprint('ok')\\n"
    vm_vs_cpython lambdas "$src"
}
