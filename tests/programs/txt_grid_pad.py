# center/ljust/rjust/zfill over widths, fills and odd/even lengths
for s in ["", "a", "ab", "abc", "é😀", "-1", "+12", "x-1"]:
    for w in range(-1, 8):
        print(repr(s), w, repr(s.center(w)), repr(s.center(w, "*")), repr(s.ljust(w, "é")),
              repr(s.rjust(w, "-")), repr(s.zfill(w)))
for s in [b"", b"a", b"ab", b"abc", b"-1"]:
    for w in range(-1, 7):
        print(s, w, s.center(w), s.center(w, b"*"), s.ljust(w, b"."), s.rjust(w), s.zfill(w))
