#!/bin/sh
# tests/sweep-pytok.sh: differential sweep of pytok against CPython 3.11.
#
#   tests/sweep-pytok.sh [BINDIR] [DIR]
#
# Tokenizes every .py file under DIR (default /usr/lib/python3.11) with
# BINDIR/pytok (default bin/) and with `/usr/bin/python3 -m tokenize -e`,
# compares the bodies (pytok's header line stripped), and prints
#   pytok: N/M files identical
# then the names of the files that differ.  Exit 0 when all are identical.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../bin}
dir=${2:-/usr/lib/python3.11}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

find -L "$dir" -name '*.py' -type f | LC_ALL=C sort > "$tmp/files"
total=0 same=0
: > "$tmp/bad"
while IFS= read -r f; do
    total=$((total + 1))
    "$py" -m tokenize -e "$f" > "$tmp/exp" 2>/dev/null
    "$bin/pytok" "$f" 2>/dev/null | tail -n +2 > "$tmp/got"
    if cmp -s "$tmp/exp" "$tmp/got"; then
        same=$((same + 1))
    else
        echo "$f" >> "$tmp/bad"
    fi
done < "$tmp/files"
echo "pytok: $same/$total files identical"
cat "$tmp/bad"
[ "$same" -eq "$total" ]
