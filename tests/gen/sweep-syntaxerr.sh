#!/bin/sh
# tests/gen/sweep-syntaxerr.sh: ls_compile()'s SyntaxError attributes
# (libstage/front.h, LsSyntaxError) against CPython 3.11's compile().
#
# Sources: every tests/cases/**/*.py and every snippet of
# tests/gen/invalid-programs.txt in mode 'exec', and the snippets of
# tests/gen/mode-snippets.txt in modes 'eval' and 'single'.  For each one
# that /usr/bin/python3's compile(bytes, NAME, MODE) rejects with a
# SyntaxError (or IndentationError, TabError), ls_compile (through a small
# driver built here against BINDIR/obj/libfront.a) must give the same type,
# msg, lineno, offset, end_lineno, end_offset and text.  Prints one summary
# line and the differences; exit 1 if any.
#
# Known differences: ls_compile reads bytes as `python3 FILE` does, so an
# undecodable source gives the file-run message ("encoding problem: ascii")
# where compile() of bytes gives the codec's.
#
# usage: tests/gen/sweep-syntaxerr.sh [BINDIR [FILE...]]   (BINDIR as built by
# make BUILD=BINDIR; FILEs instead of the test cases; MODE=eval|single in
# the environment compiles in that mode on both sides)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
BIN=$(cd "${1:-$root/bin}" && pwd)
[ $# -gt 0 ] && shift
MODE=${MODE:-exec}
export MODE
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/drv.c" <<'CEOF'
/* For each FILE argument: "== FILE", then "OK" or the LsSyntaxError as
 * TYPE / MSG / LINENO OFFSET END_LINENO END_OFFSET / TEXT (escaped). */
#include "libstage/front.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void esc(const char *s)
{
    if (!s) { puts("None"); return; }
    for (; *s; s++) {
        if (*s == '\\') fputs("\\\\", stdout);
        else if (*s == '\n') fputs("\\n", stdout);
        else if (*s == '\r') fputs("\\r", stdout);
        else if (*s == '\f') fputs("\\f", stdout);
        else putchar(*s);
    }
    putchar('\n');
}
int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        size_t cap = 1 << 16, n = 0, k;
        char *s = malloc(cap);
        while ((k = fread(s + n, 1, cap - n, f)) > 0)
            if ((n += k) == cap) s = realloc(s, cap *= 2);
        fclose(f);
        Arena a;
        arena_init(&a);
        LsSyntaxError e;
        const char *m = getenv("MODE");
        LsMode mode = !m || !strcmp(m, "exec") ? LS_MODE_EXEC : !strcmp(m, "eval") ? LS_MODE_EVAL : LS_MODE_SINGLE;
        LsCode *c = ls_compile(s, n, argv[i], mode, &a, &e);
        printf("== %s\n", argv[i]);
        if (c) puts("OK");
        else {
            printf("%s\n%s\n%d %d %d %d\n", e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset);
            esc(e.text);
        }
        arena_free(&a);
        free(s);
    }
    return 0;
}
CEOF
$cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I"$root" -o "$tmp/drv" "$tmp/drv.c" \
    "$BIN/obj/libfront.a" "$BIN/obj/libstage.a" -lm

# the snippets, one file each
snippets() { # FILE DIR
    awk -v d="$2" 'BEGIN { system("mkdir -p " d) }
         /^### / { f = d "/" $2 ".py"; printf "" > f; next }
         f { print >> f }' "$1"
}
snippets "$root/tests/gen/invalid-programs.txt" "$tmp/snip"
snippets "$root/tests/gen/mode-snippets.txt" "$tmp/modes"

if [ $# -gt 0 ]; then
    printf '%s\n' "$@" > "$tmp/files"
else
    find "$root/tests/cases" "$tmp/snip" -name '*.py' | sort > "$tmp/files"
fi
find "$tmp/modes" -name '*.py' | sort > "$tmp/modefiles"

cat > "$tmp/oracle.py" <<'PEOF'
import os, sys
MODE = os.environ.get("MODE", "exec")
def esc(s):
    if s is None:
        return "None"
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\f", "\\f")
for path in sys.argv[1:]:
    src = open(path, "rb").read()
    print("==", path)
    try:
        compile(src, path, MODE)
        print("OK")
    except SyntaxError as e:
        print(type(e).__name__)
        print(e.msg)
        print(e.lineno or 0, e.offset or 0, e.end_lineno or 0, e.end_offset or 0)
        print(esc(e.text))
    except Exception as e:
        print("OTHER", type(e).__name__)
PEOF
xargs /usr/bin/python3 "$tmp/oracle.py" < "$tmp/files" > "$tmp/want"
xargs "$tmp/drv" < "$tmp/files" > "$tmp/got"
if [ $# -eq 0 ] && [ "$MODE" = exec ]; then
    for m in eval single; do
        # "== PATH" lines get the mode, so the records stay apart
        MODE=$m xargs /usr/bin/python3 "$tmp/oracle.py" < "$tmp/modefiles" | sed "s/^== /== $m:/" >> "$tmp/want"
        MODE=$m xargs "$tmp/drv" < "$tmp/modefiles" | sed "s/^== /== $m:/" >> "$tmp/got"
    done
fi

/usr/bin/python3 - "$tmp/want" "$tmp/got" <<'PEOF'
import sys
def recs(p):
    out, cur = {}, None
    for line in open(p, encoding="utf-8", errors="surrogateescape"):
        line = line.rstrip("\n")
        if line.startswith("== "):
            cur = line[3:]
            out[cur] = []
        else:
            out[cur].append(line)
    return out
want, got = recs(sys.argv[1]), recs(sys.argv[2])
n = same = 0
for path, w in want.items():
    if w[0] == "OK" or w[0].startswith("OTHER"):
        continue
    n += 1
    g = got.get(path, ["missing"])
    if g == w:
        same += 1
    else:
        print("DIFF", path)
        print("  python3:", w)
        print("  ours:   ", g)
print(f"syntaxerr sweep: {same}/{n} SyntaxErrors with CPython's type, msg, positions and text")
sys.exit(0 if same == n else 1)
PEOF
