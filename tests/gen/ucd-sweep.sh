#!/bin/sh
# tests/gen/ucd-sweep.sh [BUILD]: the unicodedata and str-method sweep over
# all 0x110000 code points (and 65536 built normalization strings per form),
# pyrun against /usr/bin/python3 (tests/gen/ucd-sweep.py).  Prints one line
# per function: "category: 1114112/1114112 identical", and the first few
# differing code points of each function that differs.  Slow (minutes):
# it runs under nice.
BUILD=${1:-bin}
here=$(dirname "$0")
tmp=${TMPDIR:-/tmp}/ucd-sweep.$$
mkdir -p "$tmp" || exit 2
trap 'rm -rf "$tmp"' EXIT
nice -n 10 /usr/bin/python3 "$here/ucd-sweep.py" digest > "$tmp/ref" || exit 2
nice -n 10 "$BUILD/pyrun" "$here/ucd-sweep.py" digest > "$tmp/ours" || exit 2
# function -> total items, and the blocks whose digests differ
awk 'NR == FNR { ref[$1 " " $2] = $3; n[$1] += 4096; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 }; next }
     { if (ref[$1 " " $2] != $3) print $1, $2 > "'"$tmp/bad"'"; got[$1 " " $2] = 1 }
     END { for (i = 1; i <= k; i++) print order[i], n[order[i]] > "'"$tmp/funcs"'" }' \
    "$tmp/ref" "$tmp/ours"
touch "$tmp/bad"
while read -r f total; do
    bad=0
    grep "^$f " "$tmp/bad" > "$tmp/fb"
    while read -r _ lo; do
        hi=$((lo + 4095))
        nice -n 10 /usr/bin/python3 "$here/ucd-sweep.py" detail "$f" "$lo" "$hi" > "$tmp/dr"
        nice -n 10 "$BUILD/pyrun" "$here/ucd-sweep.py" detail "$f" "$lo" "$hi" > "$tmp/do"
        diff "$tmp/dr" "$tmp/do" | grep '^>' >> "$tmp/diff.$f"
        bad=$((bad + $(diff "$tmp/dr" "$tmp/do" | grep -c '^>')))
    done < "$tmp/fb"
    echo "$f: $((total - bad))/$total identical"
    [ "$bad" -gt 0 ] && head -3 "$tmp/diff.$f" | sed 's/^>/    ours:/' | cut -c1-150
done < "$tmp/funcs"
