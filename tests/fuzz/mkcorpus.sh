#!/bin/sh
# tests/fuzz/mkcorpus.sh: build the seed corpora of the fuzz targets from
# the test suite's Python programs, by running them through our own tools
# (seeds need only be plausible inputs; no expected output comes from them).
#
#   tests/fuzz/mkcorpus.sh [BINDIR]      (default bin)
#
# Writes tests/fuzz/corpus/<target>/<name> for up to 160 programs of at most
# 1200 bytes from tests/programs/ and tests/cases/*/; the formats are those each target
# reads: source, tokens, cst, ast, symtab, cfg, code (pydis, pyvm).
# Seeds over 6 KB are dropped, to keep the corpora small (< 2 MB).
set -u
cd "$(dirname "$0")/../.."
B=${1:-bin}
C=tests/fuzz/corpus
rm -rf "$C"
for t in pytok pyparse pyast pysym pycfg pyasm pydis pyvm; do mkdir -p "$C/$t"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# at most MAXFILES (default 160) programs, spread evenly over the list
all=$(for f in tests/programs/*.py tests/cases/*/*.py; do
          [ "$(wc -c < "$f")" -le "${MAXSRC:-1200}" ] && echo "$f"; done)
total=$(echo "$all" | wc -l)
max=${MAXFILES:-160}
step=$(( (total + max - 1) / max ))
for f in $(echo "$all" | awk -v s="$step" 'NR % s == 0'); do
    n=$(echo "$f" | sed 's|^tests/||; s|/|_|g; s|\.py$||')
    cp "$f" "$C/pytok/$n" || continue
    "$B/pytok" "$f" > "$tmp/tok" 2>/dev/null || continue
    cp "$tmp/tok" "$C/pyparse/$n"
    "$B/pyparse" "$tmp/tok" > "$tmp/cst" 2>/dev/null || continue
    cp "$tmp/cst" "$C/pyast/$n"
    "$B/pyast" "$tmp/cst" > "$tmp/ast" 2>/dev/null || continue
    cp "$tmp/ast" "$C/pysym/$n"
    "$B/pysym" "$tmp/ast" > "$tmp/sym" 2>/dev/null || continue
    cp "$tmp/sym" "$C/pycfg/$n"
    "$B/pycfg" "$tmp/sym" > "$tmp/cfg" 2>/dev/null || continue
    cp "$tmp/cfg" "$C/pyasm/$n"
    "$B/pyasm" "$tmp/cfg" > "$tmp/code" 2>/dev/null || continue
    cp "$tmp/code" "$C/pydis/$n"
    cp "$tmp/code" "$C/pyvm/$n"
done
# a seed over 6 KB only slows the fuzzer down
find "$C" -type f -size +6k -exec rm -f {} +
# hand-written malformed cfg cases of pyasm's suite are good seeds too
for f in tests/cases/pyasm/*.cfg; do cp "$f" "$C/pyasm/case_$(basename "$f" .cfg)"; done
for t in pytok pyparse pyast pysym pycfg pyasm pydis pyvm; do
    printf '%s: %s seeds\n' "$t" "$(ls "$C/$t" | wc -l)"
done
du -sh "$C"
