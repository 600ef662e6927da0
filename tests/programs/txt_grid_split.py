# split/rsplit/splitlines/strip/partition over a grid, str and bytes side by side
texts = ["", " ", "a", " a b ", "a,b,,c,", ",a,", "a  b\tc\nd", "\x1c a\x1db\x1e\x1f", "a\x85b\u2028c\u3000d\xa0e",
         "x\r\ny\rz\n", "a\x0bb\x0cc", "😀 é\t😀"]
seps = [None, ",", " ", ",,", "😀", "ab"]
for t in texts:
    for sep in seps:
        row = []
        for m in [-1, 0, 1, 2, 5]:
            row.append((t.split(sep, m), t.rsplit(sep, m)))
        print(repr(t), repr(sep), row)
    print(repr(t), t.splitlines(), t.splitlines(True), repr(t.strip()), repr(t.lstrip(" a")),
          repr(t.rstrip(",\n")), t.partition(","), t.rpartition(" "))
for t in texts:
    try:
        b = t.encode("latin-1")
    except UnicodeEncodeError:
        continue
    for sep in [None, b",", b" ", b",,"]:
        print(b, sep, [(b.split(sep, m), b.rsplit(sep, m)) for m in [-1, 0, 1, 2]])
    print(b, b.splitlines(), b.splitlines(keepends=True), b.strip(), b.lstrip(b" a"), b.rstrip(b",\n"),
          b.partition(b","), b.rpartition(b" "))
