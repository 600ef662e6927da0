#!/bin/sh
# tests/sweep-diag.sh: differential check of libstage/diag.c, the SyntaxError
# layout every stage uses, against CPython 3.11.
#
#   sh tests/sweep-diag.sh
#
# For each program in tests/cases/pytok/diag/snippets.py, runs
# `/usr/bin/python3 t.py` with a sys.excepthook that records the exception's
# fields (type, msg, lineno, offset, end_lineno, end_offset, text), feeds
# those fields to ls_diag_format() (through a small driver compiled here),
# and compares with what python3 printed.  Checks the text both with its
# newline (as CPython carries it) and without (as the stages pass it).
# Prints "diag: N/M layouts identical".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
py=/usr/bin/python3
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/drv.c" <<'CEOF'
/* Reads records "TYPE\nMSG\nLINENO OFFSET END_LINENO END_OFFSET\nTEXT\n"
 * (TEXT with its newlines as \001; \002 alone: no text) and prints
 * ls_diag_format() of each, then "----".  argv[1]: strip the newline. */
#include "libstage/diag.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void chomp(char *s) { s[strcspn(s, "\n")] = 0; }
int main(int argc, char **argv)
{
    char type[256], msg[1024], nums[256], text[8192];
    int ln, off, eln, eoff;
    while (fgets(type, sizeof type, stdin) && fgets(msg, sizeof msg, stdin) &&
           fgets(nums, sizeof nums, stdin) && fgets(text, sizeof text, stdin)) {
        chomp(type); chomp(msg); chomp(text);
        if (sscanf(nums, "%d %d %d %d", &ln, &off, &eln, &eoff) != 4)
            return 1;
        for (char *p = text; *p; p++)
            if (*p == 1)
                *p = '\n';
        size_t n = strlen(text);
        if (argc > 1 && n && text[n - 1] == '\n')
            text[n - 1] = 0;
        Diag d = {type, msg, "t.py", ln, off, eln, eoff, strcmp(text, "\002") ? text : NULL};
        char *s = ls_diag_format(&d);
        fputs(s, stdout);
        puts("----");
        free(s);
    }
    return 0;
}
CEOF
(cd "$root" && $cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I. "$tmp/drv.c" \
    libstage/diag.c libstage/buf.c libstage/common.c libstage/io.c -o "$tmp/drv")

mkdir "$tmp/hook"
cat > "$tmp/hook/sitecustomize.py" <<'PYEOF'
import os, sys
def _hook(t, v, tb, _orig=sys.excepthook):
    if isinstance(v, SyntaxError):
        with open(os.environ["DIAG_ATTRS"], "w") as f:
            f.write(repr((type(v).__name__, v.msg, v.lineno, v.offset,
                          v.end_lineno, v.end_offset, v.text)))
    _orig(t, v, tb)
sys.excepthook = _hook
PYEOF

"$py" - "$root/tests/cases/pytok/diag/snippets.py" "$tmp" <<'PYEOF'
import ast, os, subprocess, sys
ns = {}
exec(open(sys.argv[1]).read(), ns)
tmp = sys.argv[2]
recs, exps = [], []
for s in ns["SNIPPETS"]:
    open(os.path.join(tmp, "t.py"), "w").write(s)
    attrs = os.path.join(tmp, "attrs")
    if os.path.exists(attrs):
        os.remove(attrs)
    p = subprocess.run(["/usr/bin/python3", "t.py"], cwd=tmp, capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=os.path.join(tmp, "hook"),
                                DIAG_ATTRS=attrs))
    if not os.path.exists(attrs):
        print("diag: no SyntaxError from %r" % s, file=sys.stderr)
        continue
    tn, msg, ln, off, eln, eoff, text = ast.literal_eval(open(attrs).read())
    t = text if text is not None else "\x02"
    none = lambda v: 0 if v is None else v
    recs.append("%s\n%s\n%d %d %d %d\n%s\n" % (tn, msg, none(ln), none(off), none(eln),
                                               none(eoff), t.replace("\n", "\x01")))
    exps.append(p.stderr.replace(tmp + "/", "") + "----\n")
open(os.path.join(tmp, "recs"), "w").write("".join(recs))
open(os.path.join(tmp, "exp"), "w").write("".join(exps))
PYEOF

"$tmp/drv" < "$tmp/recs" > "$tmp/got"
"$tmp/drv" strip < "$tmp/recs" > "$tmp/got2"
total=$(grep -c '^----$' "$tmp/exp")
split() { awk -v d="$2" 'BEGIN{n=1} {print > (d "/" n)} /^----$/ {n++}' "$1"; }
mkdir "$tmp/e" "$tmp/g" "$tmp/g2"
split "$tmp/exp" "$tmp/e"; split "$tmp/got" "$tmp/g"; split "$tmp/got2" "$tmp/g2"
same=0 i=1
while [ $i -le "$total" ]; do
    if cmp -s "$tmp/e/$i" "$tmp/g/$i" && cmp -s "$tmp/e/$i" "$tmp/g2/$i"; then
        same=$((same + 1))
    else
        echo "--- layout $i differs:"; diff "$tmp/e/$i" "$tmp/g/$i" || true
    fi
    i=$((i + 1))
done
echo "diag: $same/$total layouts identical"
[ "$same" -eq "$total" ]
