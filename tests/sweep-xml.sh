#!/bin/sh
# tests/sweep-xml.sh: pyvm's pyexpat against CPython's (libexpat 2.5)
# (make check-stdlib runs it): every handler's events and positions for
# hand-written, found and mutated XML documents.  See tests/gen/xml-sweep.py.
# Prints "xml: N/M documents identical to CPython's event dump (P%), ...";
# fails only when pyvm gave no dump at all for a document.
here=$(cd "$(dirname "$0")" && pwd)
exec nice -n 10 /usr/bin/python3 "$here/gen/xml-sweep.py" "$@" "${PYBIN:-$here/../bin}"
