#!/usr/bin/env bats
# tests/cli.bats: the conventions every tool shares (DESIGN.md): --help,
# --version, bad options, man pages, the error record passing down the pipe.
bats_require_minimum_version 1.5.0
: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"
TOP=$BATS_TEST_DIRNAME/..
TOOLS="pytok pyparse pyast pysym pycfg pyasm pyvm pydis pyrun"

@test "every tool answers --help with its usage on stdout, exit 0" {
    for t in $TOOLS; do
        run "$PYBIN/$t" --help
        [ "$status" -eq 0 ] || { echo "$t --help: exit $status"; false; }
        [[ "${lines[0]}" == *"usage: $t"* ]] || { echo "$t --help: ${lines[0]}"; false; }
    done
}

@test "every tool prints its version" {
    for t in $TOOLS; do
        run "$PYBIN/$t" --version
        [ "$status" -eq 0 ]
        [ "$output" = "$t (pytools) 0.1.0" ] || { echo "$t: $output"; false; }
    done
}

@test "an unknown option is a usage error: exit 2, usage on stderr" {
    for t in $TOOLS; do
        run "$PYBIN/$t" --no-such-option
        [ "$status" -eq 2 ] || { echo "$t: exit $status"; false; }
        [[ "$output" == *"usage: $t"* ]] || { echo "$t: $output"; false; }
    done
}

@test "a missing input file: exit 2 and a message naming the tool and file" {
    for t in $TOOLS; do
        run "$PYBIN/$t" /nonexistent/x.in
        [ "$status" -eq 2 ] || { echo "$t: exit $status"; false; }
        [[ "$output" == *"/nonexistent/x.in"* ]] || { echo "$t: $output"; false; }
    done
}

@test "every man page renders without warnings" {
    for t in $TOOLS; do
        [ -f "$TOP/man/$t.1" ] || { echo "man/$t.1 missing"; false; }
        run groff -man -ww -z "$TOP/man/$t.1"
        [ "$status" -eq 0 ] && [ -z "$output" ] || { echo "$t.1: $output"; false; }
    done
}

@test "an error record passes through every stage silently with exit 1" {
    rec=$'pyfmt error 1 bad.py\n  File "bad.py", line 1\n    x = (\n        ^\nSyntaxError: \'(\' was never closed\n'
    for t in pyparse pyast pysym pycfg pyasm; do
        run --separate-stderr "$PYBIN/$t" <<<"$rec"
        [ "$status" -eq 1 ] || { echo "$t: exit $status"; false; }
        [ -z "$stderr" ] || { echo "$t printed: $stderr"; false; }
        [ "$output" = "${rec%$'\n'}" ] || { echo "$t wrote: $output"; false; }
    done
    for t in pyvm pydis; do
        printf '%s' "$rec" > "$BATS_TEST_TMPDIR/rec"
        run --separate-stderr "$PYBIN/$t" "$BATS_TEST_TMPDIR/rec"
        [ "$status" -eq 1 ] || { echo "$t: exit $status"; false; }
        [ -z "$stderr" ] || { echo "$t printed: $stderr"; false; }
    done
}

@test "a SyntaxError is printed once and the whole pipeline exits 1" {
    printf 'x = (1,\n' > "$BATS_TEST_TMPDIR/bad.py"
    cd "$BATS_TEST_TMPDIR"
    run --separate-stderr sh -c "'$PYBIN/pytok' bad.py | '$PYBIN/pyparse' | '$PYBIN/pyast' | '$PYBIN/pysym' | '$PYBIN/pycfg' | '$PYBIN/pyasm' -o bad.pyc"
    [ "$status" -eq 1 ]
    [ "$(printf '%s\n' "$stderr" | grep -c SyntaxError)" -eq 1 ]
    run --separate-stderr "$PYBIN/pyvm" bad.pyc
    [ "$status" -eq 1 ]
    [ -z "$stderr" ]
}

@test "make install puts the nine programs and man pages under DESTDIR" {
    d=$BATS_TEST_TMPDIR/inst
    # -o all: install what the suite is testing, without rebuilding it
    run make -C "$TOP" --no-print-directory -o all install DESTDIR="$d" PREFIX=/usr/local BUILD="$PYBIN"
    [ "$status" -eq 0 ] || { echo "$output"; false; }
    for t in $TOOLS; do
        [ -x "$d/usr/local/bin/$t" ]
        [ -f "$d/usr/local/share/man/man1/$t.1" ]
    done
}
