#!/bin/sh
# tests/gen/pytok.sh: regenerate pytok's golden files from CPython 3.11.
#
#   sh tests/gen/pytok.sh
#
# Never uses our own tools.  For each input under tests/cases/pytok/:
#   good/NAME.py  ->  good/NAME.tokens  `python3 -m tokenize -e NAME.py`
#                     good/NAME.warn    the warnings CPython prints while
#                                       compiling NAME.py, if any
#   bad/NAME.py   ->  bad/NAME.err      stderr of `python3 NAME.py` (CPython
#                                       makes the script path absolute; the
#                                       directory is cut back off so the
#                                       message names "NAME.py")
#   bad/NAME.py   ->  bad/NAME.stdin.err for a few, stderr of `python3 - < NAME.py`
# The bad inputs all fail in CPython's tokenizer (not its parser), so the
# error is the tokenizer's and must be pytok's.
set -eu
py=/usr/bin/python3
root=$(cd "$(dirname "$0")/../cases/pytok" && pwd)

cd "$root/good"
for f in *.py; do
    n=${f%.py}
    "$py" -m tokenize -e "$f" > "$n.tokens"
    # compile only (no run): the warnings the tokenizer prints, if any
    # (some inputs are valid tokens but no valid program: no .warn then)
    "$py" -c 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")' "$f" \
        2> "$n.warn" || rm -f "$n.warn"
    [ ! -f "$n.warn" ] || [ -s "$n.warn" ] || rm -f "$n.warn"
done

cd "$root/bad"
for f in *.py; do
    n=${f%.py}
    if "$py" "$f" > /dev/null 2> "$n.err.tmp"; then
        echo "gen: bad/$f runs without error" >&2
        exit 1
    fi
    sed "s#$root/bad/##g" "$n.err.tmp" > "$n.err"
    rm -f "$n.err.tmp"
done
for n in str1 paren euro badutf8 dedent; do
    "$py" - < "$n.py" > /dev/null 2> "$n.stdin.err" || true
done
echo "gen: $(ls "$root"/good/*.tokens | wc -l) good, $(ls "$root"/bad/*.err | grep -vc stdin) bad"
