#!/bin/sh
# tests/sweep-zlib.sh: pyvm's zlib against CPython's over the standard
# library (make check-stdlib runs it): the compressed bytes of every file
# at every level, strategy, memLevel and several wbits must be
# byte-identical, and must decompress.  See tests/gen/zlib-diff.sh.
# Prints "zlib: N/M compressed outputs identical to CPython's (P%), ...".
here=$(cd "$(dirname "$0")" && pwd)
exec nice -n 10 sh "$here/gen/zlib-diff.sh" "${PYBIN:-$here/../bin}" "$@"
