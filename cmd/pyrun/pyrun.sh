#!/bin/sh
# pyrun: run a Python program through the whole pipeline.
#
#   pytok | pyparse | pyast | pysym | pycfg | pyasm  ->  a code object
#   pyvm CODE ARGS...                                ->  the program runs
#
# The stage tools are found beside this script.  The code object goes through
# a temporary file that is unlinked before pyvm starts (pyvm reads it from an
# inherited descriptor), so the program's own stdin stays free for input().
# Exit status: the program's (as python3), 1 after a SyntaxError, 2 for usage
# or I/O errors.
usage="usage: pyrun [-h] [--version] [-c CODE | FILE | -] [ARG ...]"

case $0 in
*/*) bindir=${0%/*} ;;
*) bindir=$(command -v "$0") && bindir=${bindir%/*} || bindir=. ;;
esac

argv0=
name=
src=
case ${1-} in
-h|--help)
    echo "$usage"
    echo "Run a Python 3.11 program: FILE, the string CODE (-c), or stdin."
    exit 0 ;;
--version)
    echo "pyrun (pytools) 0.1.0"
    exit 0 ;;
-c)
    if [ $# -lt 2 ]; then
        echo "Argument expected for the -c option" >&2
        echo "$usage" >&2
        exit 2
    fi
    code=$2; shift 2
    argv0=-c; name='<string>' ;;
-)
    shift
    argv0=-; name='<stdin>' ;;
-?*)
    echo "pyrun: unknown option: $1" >&2
    echo "$usage" >&2
    exit 2 ;;
'')
    [ $# -gt 0 ] && shift
    argv0=; name='<stdin>' ;;
*)
    src=$1; shift
    argv0=$src
    # CPython names the main script by its absolute path.
    case $src in
    /*) name=$src ;;
    *) name=$(pwd)/$src ;;
    esac
    if [ ! -r "$src" ] || [ -d "$src" ]; then
        if [ -d "$src" ]; then err="[Errno 21] Is a directory"; else err="[Errno 2] No such file or directory"; fi
        echo "pyrun: can't open file '$name': $err" >&2
        exit 2
    fi ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyrun.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "$src" ]; then
    src=$tmp/prog.py
    if [ "$argv0" = -c ]; then
        printf '%s\n' "$code" > "$src"
    else
        cat > "$src"
    fi
fi

"$bindir/pytok" -n "$name" "$src" | "$bindir/pyparse" | "$bindir/pyast" \
    | "$bindir/pysym" | "$bindir/pycfg" | "$bindir/pyasm" -o "$tmp/prog.pyc"
st=$?
[ $st -eq 0 ] || exit $st

exec 3< "$tmp/prog.pyc"
rm -rf "$tmp"
trap - EXIT INT TERM
exec "$bindir/pyvm" --argv0 "$argv0" /dev/fd/3 "$@"
