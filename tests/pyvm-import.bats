#!/usr/bin/env bats
# tests/pyvm-import.bats: pyvm's import system beyond what the end-to-end
# programs show: the __pycache__ code cache (written, read back, ignored and
# rewritten when corrupt or stale, silently skipped when it cannot be
# written), $PYVM_STDLIB and $PYTHONPATH on sys.path, sys.path[0] for -c and
# stdin, weak references dying with their referent.
# Expected outputs are the programs' own prints, the same under CPython.

: "${PYBIN:=$BATS_TEST_DIRNAME/../bin}"

setup() {
    unset PYTHONDONTWRITEBYTECODE
    D="$BATS_TEST_TMPDIR/proj"
    mkdir -p "$D"
    printf 'VALUE = "first"\n' > "$D/helper.py"
    printf 'import helper\nprint(helper.VALUE)\n' > "$D/main.py"
}

cache() { echo "$D/__pycache__/helper.pytools-0.pyc"; }

@test "import: the first run writes __pycache__/NAME.pytools-0.pyc" {
    run "$PYBIN/pyrun" "$D/main.py"
    [ "$status" -eq 0 ]
    [ "$output" = "first" ]
    [ -f "$(cache)" ]
    [ "$(head -c 8 "$(cache)")" = "PYTCACHE" ]
    # the main program itself is not cached (as CPython)
    [ ! -f "$D/__pycache__/main.pytools-0.pyc" ]
}

@test "import: the second run reads the cache instead of the source" {
    "$PYBIN/pyrun" "$D/main.py" > /dev/null
    # same size, same mtime, new text: only a cache hit still prints "first"
    stamp=$(stat -c %y "$D/helper.py")
    printf 'VALUE = "other"\n' > "$D/helper.py"
    touch -d "$stamp" "$D/helper.py"
    run "$PYBIN/pyrun" "$D/main.py"
    [ "$status" -eq 0 ]
    [ "$output" = "first" ]
}

@test "import: a changed source invalidates the cache" {
    "$PYBIN/pyrun" "$D/main.py" > /dev/null
    printf 'VALUE = "second one"\n' > "$D/helper.py"
    run "$PYBIN/pyrun" "$D/main.py"
    [ "$output" = "second one" ]
}

@test "import: a corrupt cache file is ignored and rewritten" {
    "$PYBIN/pyrun" "$D/main.py" > /dev/null
    good=$(wc -c < "$(cache)")
    printf 'PYTCACHE garbage that is not a code object' > "$(cache)"
    run "$PYBIN/pyrun" "$D/main.py"
    [ "$status" -eq 0 ]
    [ "$output" = "first" ]
    [ "$(wc -c < "$(cache)")" -eq "$good" ]
    # truncated in the middle of the code object
    head -c 60 "$(cache)" > "$D/trunc" && mv "$D/trunc" "$(cache)"
    run "$PYBIN/pyrun" "$D/main.py"
    [ "$output" = "first" ]
    [ "$(wc -c < "$(cache)")" -eq "$good" ]
}

@test "import: no cache when __pycache__ cannot be made" {
    printf 'not a directory\n' > "$D/__pycache__"
    run "$PYBIN/pyrun" "$D/main.py"
    [ "$status" -eq 0 ]
    [ "$output" = "first" ]
    [ -f "$D/__pycache__" ]
}

@test "import: PYTHONDONTWRITEBYTECODE turns the cache off" {
    PYTHONDONTWRITEBYTECODE=1 run "$PYBIN/pyrun" "$D/main.py"
    [ "$output" = "first" ]
    [ ! -e "$(cache)" ]
}

@test "import: PYTHONPATH entries come before the standard library" {
    mkdir -p "$BATS_TEST_TMPDIR/extra"
    printf 'print("extra keyword module")\n' > "$BATS_TEST_TMPDIR/extra/keyword.py"
    printf 'import keyword, sys\nprint(sys.path.index("%s") < len(sys.path) - 1)\n' \
        "$BATS_TEST_TMPDIR/extra" > "$D/p.py"
    PYTHONPATH="$BATS_TEST_TMPDIR/extra" run "$PYBIN/pyrun" "$D/p.py"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "extra keyword module" ]
    [ "${lines[1]}" = "True" ]
}

@test "import: PYVM_STDLIB names the standard library directory" {
    mkdir -p "$BATS_TEST_TMPDIR/lib"
    printf 'NAME = "from the stdlib dir"\n' > "$BATS_TEST_TMPDIR/lib/onlyhere.py"
    # after the script's directory; the site directories follow it
    printf 'import onlyhere, sys\nprint(onlyhere.NAME, sys.path[1] == "%s")\n' \
        "$BATS_TEST_TMPDIR/lib" > "$D/s.py"
    PYVM_STDLIB="$BATS_TEST_TMPDIR/lib" PYTHONPATH= run "$PYBIN/pyrun" "$D/s.py"
    [ "$status" -eq 0 ]
    [ "$output" = "from the stdlib dir True" ]
    run "$PYBIN/pyrun" "$D/s.py"
    [ "$status" -eq 1 ]
    [ "${lines[-1]}" = "ModuleNotFoundError: No module named 'onlyhere'" ]
}

@test "import: a missing module: CPython's traceback and exit status 1" {
    printf 'import no_such_mod_xyz\n' > "$D/m.py"
    run "$PYBIN/pyrun" "$D/m.py"
    [ "$status" -eq 1 ]
    [ "${lines[0]}" = "Traceback (most recent call last):" ]
    [ "${lines[1]}" = "  File \"$D/m.py\", line 1, in <module>" ]
    [ "${lines[3]}" = "ModuleNotFoundError: No module named 'no_such_mod_xyz'" ]
}

@test "import: pyrun -c and stdin programs have sys.path[0] == '' (the current directory)" {
    cd "$D"
    run "$PYBIN/pyrun" -c 'import sys, helper; print(repr(sys.path[0]), helper.VALUE)'
    [ "$status" -eq 0 ]
    [ "$output" = "'' first" ]
    run sh -c "printf 'import sys, helper\nprint(repr(sys.path[0]), helper.VALUE)\n' | '$PYBIN/pyrun'"
    [ "$status" -eq 0 ]
    [ "$output" = "'' first" ]
}

@test "import: a script's sys.path[0] is its directory, absolute" {
    cd "$D"
    printf 'import sys\nprint(sys.path[0] == %s)\n' "'$D'" > "$D/p0.py"
    run "$PYBIN/pyrun" p0.py
    [ "$output" = "True" ]
}

@test "import: weak references die with their referent (real _weakref)" {
    printf 'import weakref\nclass C: pass\nc = C()\nr = weakref.ref(c, lambda w: print("cb", w is r))\nprint(r() is c)\ndel c\nprint(r())\n' > "$D/w.py"
    run "$PYBIN/pyrun" "$D/w.py"
    [ "$status" -eq 0 ]
    [ "$output" = "$(printf 'True\ncb True\nNone')" ]
}
