#!/usr/bin/env bats
# tests/pyparse.bats: the parser stage.  Inputs are token streams made by
# CPython's tokenize (tests/gen/pyparse.sh); expected SyntaxErrors are what
# CPython 3.11 prints for the same programs.
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
CASES=$BATS_TEST_DIRNAME/cases
INV=$CASES/pyparse/invalid

# The leaves of a cst text, one "TYPE repr" per line.
leaves() {
    sed -n 's/^ *\([A-Z][A-Z_]*\) \(.*\) [0-9]*,[0-9]*-[0-9]*,[0-9]*$/\1 \2/p'
}

@test "cst header names the format and the source" {
    run "$PYBIN/pyparse" "$CASES/pyast/arith.tok"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "pyfmt cst 1 arith.py" ]
    [ "${lines[1]}" = "file" ]
    [[ "${lines[-1]}" == "%end "* ]]
}

@test "every non-trivia token is a leaf exactly once, in source order" {
    for f in "$CASES"/pyast/*.tok; do
        want=$(tail -n +2 "$f" | awk '{ t = $2; if (t ~ /^(NL|COMMENT|ENCODING)$/) next; print }' | wc -l)
        got=$("$PYBIN/pyparse" "$f" | leaves | wc -l)
        # f-strings add the leaves of their fields' expressions; identifiers
        # that tokenize split (ERRORTOKEN pieces) are joined into one leaf
        if ! grep -q "STRING *'[rRbBuU]*[fF]\|ERRORTOKEN" "$f"; then
            [ "$want" -eq "$got" ] || { echo "$f: $want tokens, $got leaves"; false; }
        fi
    done
    # order: the leaf types equal the token types of a program without f-strings
    tail -n +2 "$CASES/pyast/control.tok" | awk '$2 !~ /^(NL|COMMENT|ENCODING)$/ { print $2 }' > "$BATS_TEST_TMPDIR/want"
    "$PYBIN/pyparse" "$CASES/pyast/control.tok" | leaves | cut -d' ' -f1 > "$BATS_TEST_TMPDIR/got"
    diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

@test "leaves carry UTF-8 byte columns" {
    run "$PYBIN/pyparse" "$CASES/pyast/misc.tok"
    [ "$status" -eq 0 ]
    # s = 'héllo wörld ✓' + "日本語": the string is 17 bytes from column 4
    [[ "$output" == *"STRING \"'héllo wörld ✓'\" 8,4-8,23"* ]]
    [[ "$output" == *"PLUS '+' 8,24-8,25"* ]]
}

@test "rule names come from formats/grammar.txt" {
    "$PYBIN/pyparse" "$CASES/pyast/functions.tok" | tail -n +2 | grep -v '^%end' |
        sed -n 's/^ *\([a-z_]*\)$/\1/p' | sort -u > "$BATS_TEST_TMPDIR/rules"
    [ -s "$BATS_TEST_TMPDIR/rules" ]
    while read -r r; do
        grep -q "^$r\b" "$BATS_TEST_DIRNAME/../formats/grammar.txt" || { echo "rule $r not in grammar.txt"; false; }
    done < "$BATS_TEST_TMPDIR/rules"
}

@test "-c collapses single-child chains" {
    full=$("$PYBIN/pyparse" "$CASES/pyast/arith.tok" | wc -l)
    short=$("$PYBIN/pyparse" -c "$CASES/pyast/arith.tok" | wc -l)
    [ "$short" -lt "$full" ]
    run "$PYBIN/pyparse" -c "$CASES/pyast/arith.tok"
    [[ "$output" != *$'\n    atom\n'* ]]
    # the same leaves either way
    diff <("$PYBIN/pyparse" "$CASES/pyast/arith.tok" | leaves) <("$PYBIN/pyparse" -c "$CASES/pyast/arith.tok" | leaves)
}

@test "--dot writes a Graphviz digraph of the tree" {
    run "$PYBIN/pyparse" --dot -c "$CASES/pyast/arith.tok"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "digraph cst {" ]
    [ "${lines[-1]}" = "}" ]
    [[ "$output" == *'label="sum"'* ]]
    [[ "$output" == *'shape=box, label="NUMBER\n1"'* ]]
    # every edge joins two declared nodes
    nodes=$(printf '%s\n' "$output" | grep -c '\[.*label=')
    edges=$(printf '%s\n' "$output" | grep -c ' -> ')
    [ "$edges" -eq $((nodes - 1)) ]
}

@test "invalid programs: exit 1 and an error record at the end of pyparse | pyast" {
    cd "$INV"
    n=0
    for f in *.tok; do
        name=${f%.tok}
        run sh -c "'$PYBIN/pyparse' '$f' 2>/dev/null | '$PYBIN/pyast' 2>/dev/null"
        [ "$status" -eq 1 ] || { echo "$name: exit $status"; false; }
        [[ "${lines[0]}" == "pyfmt error 1 $name.py" ]] || { echo "$name: ${lines[0]}"; false; }
        n=$((n + 1))
    done
    [ "$n" -ge 80 ]
}

@test "invalid programs: the message on stderr is CPython's, byte for byte" {
    cd "$INV"
    fails=0
    for f in *.tok; do
        name=${f%.tok}
        { "$PYBIN/pyparse" "$f" 2> "$BATS_TEST_TMPDIR/err" | "$PYBIN/pyast" > /dev/null 2>> "$BATS_TEST_TMPDIR/err"; } || true
        if ! cmp -s "$BATS_TEST_TMPDIR/err" "$name.err"; then
            echo "--- $name"; diff "$name.err" "$BATS_TEST_TMPDIR/err" || true
            fails=$((fails + 1))
        fi
    done
    [ "$fails" -eq 0 ]
}

@test "the error record passes through pyast silently" {
    cd "$INV"
    run sh -c "'$PYBIN/pyparse' if_colon.tok 2>/dev/null | '$PYBIN/pyast'"
    [ "$status" -eq 1 ]
    [ "${lines[0]}" = "pyfmt error 1 if_colon.py" ]
    [[ "$output" == *"SyntaxError: expected ':'"* ]]
}

@test "wrong format input: an AST given to pyparse" {
    printf 'pyfmt ast 1 x.py\nModule(body=[], type_ignores=[])\n' > "$BATS_TEST_TMPDIR/x.ast"
    run "$PYBIN/pyparse" "$BATS_TEST_TMPDIR/x.ast"
    [ "$status" -eq 2 ]
    [[ "$output" == *"pyparse: "*"got ast, expected tokens: run pytok first"* ]]
}

@test "truncated token stream: exit 2 with the line, no output that looks complete" {
    head -n 20 "$CASES/pyast/control.tok" > "$BATS_TEST_TMPDIR/cut.tok"
    run "$PYBIN/pyparse" "$BATS_TEST_TMPDIR/cut.tok"
    [ "$status" -eq 2 ]
    [[ "$output" == *"pyparse: "*"cut.tok:21: truncated token stream"* ]]
    [[ "$output" != *"%end"* ]]
}

@test "garbled token line: exit 2 naming the line" {
    { head -n 5 "$CASES/pyast/control.tok"; echo "garbage here"; tail -n +6 "$CASES/pyast/control.tok"; } > "$BATS_TEST_TMPDIR/bad.tok"
    run "$PYBIN/pyparse" "$BATS_TEST_TMPDIR/bad.tok"
    [ "$status" -eq 2 ]
    [[ "$output" == *"bad.tok:6:"* ]]
}

@test "deep nesting: 100000 brackets give CPython's error, no crash" {
    { echo "pyfmt tokens 1 deep.py"
      awk 'BEGIN { for (i = 0; i < 100000; i++) printf "1,%d-1,%d:            LPAR           %c(%c\n", i, i + 1, 39, 39;
                   print "1,100000-1,100001:    NEWLINE        \x27\\n\x27"; print "2,0-2,0:            ENDMARKER      \x27\x27" }'
    } > "$BATS_TEST_TMPDIR/deep.tok"
    run "$PYBIN/pyparse" "$BATS_TEST_TMPDIR/deep.tok"
    [ "$status" -eq 1 ]
    [[ "$output" == *"SyntaxError: too many nested parentheses"* ]]
}

@test "deep nesting: 100000 unary minus signs fail cleanly, no crash" {
    { echo "pyfmt tokens 1 deep.py"
      awk 'BEGIN { for (i = 0; i < 100000; i++) printf "1,%d-1,%d:            MINUS          %c-%c\n", i, i + 1, 39, 39;
                   print "1,100000-1,100001:    NUMBER         \x271\x27"
                   print "1,100001-1,100002:    NEWLINE        \x27\\n\x27"; print "2,0-2,0:            ENDMARKER      \x27\x27" }'
    } > "$BATS_TEST_TMPDIR/deep.tok"
    run "$PYBIN/pyparse" "$BATS_TEST_TMPDIR/deep.tok"
    [ "$status" -eq 1 ]
    [[ "$output" == *"MemoryError"* ]]
}

@test "an error record on input is passed on silently" {
    printf 'pyfmt error 1 x.py\n  File "x.py", line 1\nSyntaxError: x\n' > "$BATS_TEST_TMPDIR/e"
    run "$PYBIN/pyparse" "$BATS_TEST_TMPDIR/e"
    [ "$status" -eq 1 ]
    [ "${lines[0]}" = "pyfmt error 1 x.py" ]
}

@test "usage text matches the man page synopsis" {
    run "$PYBIN/pyparse" --help
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "usage: pyparse [-c] [--dot] [-o FILE] [FILE]" ]
    grep -q 'pyparse' "$BATS_TEST_DIRNAME/../man/pyparse.1"
}

@test "a 40000-term sum: CPython's RecursionError, exit 1, error record down the pipe" {
    awk 'BEGIN { printf "x = 1"; for (i = 1; i < 40000; i++) printf "+1"; print "" }' > "$BATS_TEST_TMPDIR/s.py"
    exp=$(cat "$BATS_TEST_DIRNAME/cases/pyparse/deep_sum.err")   # from tests/gen/pyparse.sh
    "$PYBIN/pytok" "$BATS_TEST_TMPDIR/s.py" > "$BATS_TEST_TMPDIR/s.tok"
    run "$PYBIN/pyparse" -o "$BATS_TEST_TMPDIR/s.cst" "$BATS_TEST_TMPDIR/s.tok"
    [ "$status" -eq 1 ]
    [ "$output" = "$exp" ]
    head -1 "$BATS_TEST_TMPDIR/s.cst" | grep -q '^pyfmt error 1 '
    [ "$(wc -c < "$BATS_TEST_TMPDIR/s.cst")" -lt 200 ]
}
