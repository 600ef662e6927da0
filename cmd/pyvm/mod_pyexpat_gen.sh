#!/bin/sh
# cmd/pyvm/mod_pyexpat_gen.sh: regenerate mod_pyexpat_src.inc, the C string
# literal of mod_pyexpat.py that mod_pyexpat.c runs as the pyexpat module.
# Run from the repository root after editing mod_pyexpat.py.
set -e
src=cmd/pyvm/mod_pyexpat.py
out=cmd/pyvm/mod_pyexpat_src.inc
{
    echo "/* Generated from $src by cmd/pyvm/mod_pyexpat_gen.sh: do not edit. */"
    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$src"
} > "$out.tmp"
mv "$out.tmp" "$out"
