#!/usr/bin/env bats
# tests/pyrun.bats: pyrun, the driver: its command line (FILE, -c, -, stdin,
# sys.argv, errors, exit statuses) and the in-process compiler behind it
# (libstage/front.h: pyrun --compile-only), which must write the code
# object the text pipeline writes.  Expected texts are CPython 3.11's (as
# /usr/bin/python3 prints them; the listings are tests/gen/cpy2cfg.py's).
bats_require_minimum_version 1.5.0
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"

setup() {
    cd "$BATS_TEST_TMPDIR"
}

@test "pyrun FILE runs it, ARGs become sys.argv[1:]" {
    printf 'import sys\nprint(sys.argv)\n' > a.py
    run --separate-stderr "$PYBIN/pyrun" a.py x 'y z'
    [ "$status" -eq 0 ]
    [ "$output" = "['a.py', 'x', 'y z']" ]
}

@test "pyrun -c CODE: sys.argv[0] is -c" {
    run --separate-stderr "$PYBIN/pyrun" -c 'import sys; print(sys.argv)' a b
    [ "$status" -eq 0 ]
    [ "$output" = "['-c', 'a', 'b']" ]
}

@test "pyrun - and pyrun with no FILE read the program from stdin" {
    run --separate-stderr sh -c "echo 'import sys; print(sys.argv)' | '$PYBIN/pyrun' - a b"
    [ "$output" = "['-', 'a', 'b']" ]
    run --separate-stderr sh -c "echo 'import sys; print(sys.argv)' | '$PYBIN/pyrun'"
    [ "$output" = "['']" ]
}

@test "the program's stdin stays free for input()" {
    printf 'print(input()[::-1])\n' > rev.py
    run --separate-stderr sh -c "echo hello | '$PYBIN/pyrun' rev.py"
    [ "$status" -eq 0 ]
    [ "$output" = "olleh" ]
}

@test "the exit status is the program's" {
    run "$PYBIN/pyrun" -c 'import sys; sys.exit(7)'
    [ "$status" -eq 7 ]
    run --separate-stderr "$PYBIN/pyrun" -c '1/0'
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"ZeroDivisionError: division by zero" ]]
}

@test "a missing file: CPython's message with the absolute path, exit 2" {
    run --separate-stderr "$PYBIN/pyrun" nope.py
    [ "$status" -eq 2 ]
    [ "$stderr" = "pyrun: can't open file '$PWD/nope.py': [Errno 2] No such file or directory" ]
}

@test "-c without CODE and unknown options are usage errors" {
    run --separate-stderr "$PYBIN/pyrun" -c
    [ "$status" -eq 2 ]
    [[ "$stderr" == "Argument expected for the -c option"* ]]
    run --separate-stderr "$PYBIN/pyrun" --compile-only --mode nosuch x.py
    [ "$status" -eq 2 ]
}

@test "a SyntaxError is printed as python3 FILE prints it, exit 1" {
    printf 'x = (1,\n' > bad.py
    st=0
    "$PYBIN/pyrun" bad.py > out 2> err || st=$?
    [ "$st" -eq 1 ]
    [ ! -s out ]
    printf '  File "%s/bad.py", line 1\n    x = (1,\n        ^\n%s\n' "$PWD" \
        "SyntaxError: '(' was never closed" > want
    diff want err
}

@test "a SyntaxError in -c CODE shows the line, as python3 -c does" {
    st=0
    "$PYBIN/pyrun" -c 'x = (1,' 2> err || st=$?
    [ "$st" -eq 1 ]
    printf '  File "<string>", line 1\n    x = (1,\n        ^\n%s\n' \
        "SyntaxError: '(' was never closed" > want
    diff want err
}

@test "a too deeply nested program: CPython's RecursionError, exit 1" {
    { printf 'x = 1'; i=0; while [ $i -lt 40000 ]; do printf '+1'; i=$((i + 1)); done; echo; } > deep.py
    run --separate-stderr "$PYBIN/pyrun" deep.py
    [ "$status" -eq 1 ]
    [ "$stderr" = "RecursionError: maximum recursion depth exceeded during compilation" ]
}

@test "--compile-only -o writes the pipeline's code object byte for byte" {
    cat > p.py <<'X'
"""doc"""
import sys
def f(a, *b, c=1, **d):
    try:
        return [x * 2 for x in b if x] + list(d)
    except (TypeError, ValueError) as e:
        raise RuntimeError(f"bad {a!r}") from e
    finally:
        print("done")
class C(list):
    def m(self): return super().m(lambda y: y + self[0])
with open(sys.argv[0]) as fh, open(sys.argv[0]) as g:
    match fh.read():
        case {"k": [1, *rest]} if rest: pass
        case str() as s: print(len(s) ** 2 // 3, 1e300 * 10, -0.0, 2j)
X
    "$PYBIN/pytok" p.py | "$PYBIN/pyparse" | "$PYBIN/pyast" | "$PYBIN/pysym" \
        | "$PYBIN/pycfg" | "$PYBIN/pyasm" -o want.pyc
    run "$PYBIN/pyrun" --compile-only -o got.pyc p.py
    [ "$status" -eq 0 ]
    cmp want.pyc got.pyc
}

@test "--compile-only: SyntaxErrors printed, the worst status returned" {
    printf 'x = 1\n' > ok.py
    printf 'def f(:\n' > bad.py
    run --separate-stderr "$PYBIN/pyrun" --compile-only ok.py bad.py ok.py
    [ "$status" -eq 1 ]
    [ "$(printf '%s\n' "$stderr" | grep -c '^SyntaxError: ')" -eq 1 ]
}

@test "--compile-only --mode eval: the expression's value is returned (CPython's code)" {
    printf '1 + x\n' > ev.py
    "$PYBIN/pyrun" --compile-only --mode eval -o ev.pyc ev.py
    run "$PYBIN/pydis" ev.pyc
    [ "$status" -eq 0 ]
    want="  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (1)
              4 LOAD_NAME                0 (x)
              6 BINARY_OP                0 (+)
              8 RETURN_VALUE"
    [ "$output" = "$want" ]
}

@test "--compile-only --mode single: expression statements PRINT_EXPR (CPython's code)" {
    printf 'x = 1; x\n' > sg.py
    "$PYBIN/pyrun" --compile-only --mode single -o sg.pyc sg.py
    run "$PYBIN/pydis" sg.pyc
    [ "$status" -eq 0 ]
    want="  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (1)
              4 STORE_NAME               0 (x)
              6 LOAD_NAME                0 (x)
              8 PRINT_EXPR
             10 LOAD_CONST               1 (None)
             12 RETURN_VALUE"
    [ "$output" = "$want" ]
}

@test "--compile-only --mode eval/single reject what compile() rejects" {
    printf 'x = 1\n' > a.py
    run --separate-stderr "$PYBIN/pyrun" --compile-only --mode eval a.py
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"SyntaxError: invalid syntax" ]]
    printf 'x = 1\ny = 2\n' > b.py
    run --separate-stderr "$PYBIN/pyrun" --compile-only --mode single b.py
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"SyntaxError: multiple statements found while compiling a single statement" ]]
}

@test "--compile-only --stats: CPU time and MB/s of the six stages" {
    printf 'x = 1\n' > a.py
    run "$PYBIN/pyrun" --compile-only --stats a.py
    [ "$status" -eq 0 ]
    for s in tokenize parse ast symtable cfg assemble total; do
        [[ "$output" == *"$s "*"MB/s"* ]] || { echo "no $s line: $output"; false; }
    done
}

@test "-c CODE is text: a coding cookie in it is not applied (as python3 -c)" {
    run --separate-stderr "$PYBIN/pyrun" -c "$(printf '# coding: latin-1\nprint(len("\303\251"))')"
    [ "$status" -eq 0 ]
    [ "$output" = "1" ]
}

@test "a latin-1 source's SyntaxError shows its line decoded (UTF-8), as python3" {
    printf '# -*- coding: latin-1 -*-\nx = ("\351" +)\n' > l1.py
    st=0
    "$PYBIN/pyrun" l1.py 2> err || st=$?
    [ "$st" -eq 1 ]
    printf '  File "%s/l1.py", line 2\n    x = ("\303\251" +)\n              ^\nSyntaxError: invalid syntax\n' "$PWD" > want
    diff want err
}

@test "a block missing at the end of -c CODE: python3 -c's caret (FILE: none)" {
    st=0
    "$PYBIN/pyrun" -c "$(printf 'if 1:\n  if x:')" 2> err || st=$?
    [ "$st" -eq 1 ]
    printf '  File "<string>", line 2\n    if x:\n         ^\n%s\n' \
        "IndentationError: expected an indented block after 'if' statement on line 2" > want
    diff want err
    printf 'if 1:\n  if x:\n' > eof.py
    st=0
    "$PYBIN/pyrun" eof.py 2> err || st=$?
    [ "$st" -eq 1 ]
    printf '  File "%s/eof.py", line 2\n    if x:\n%s\n' "$PWD" \
        "IndentationError: expected an indented block after 'if' statement on line 2" > want
    diff want err
}

@test "pyrun -m MODULE runs a module as __main__; -m without MODULE is a usage error" {
    printf 'import sys\nprint(__name__, sys.argv[1:])\n' > m1.py
    run --separate-stderr "$PYBIN/pyrun" -m m1 x y
    [ "$status" -eq 0 ]
    [ "$output" = "__main__ ['x', 'y']" ]
    run --separate-stderr "$PYBIN/pyrun" -m
    [ "$status" -eq 2 ]
    [[ "$stderr" == "Argument expected for the -m option"* ]]
}
