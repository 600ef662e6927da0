# find/rfind/index/count/startswith/endswith over a grid of start/end values
s = "abcabcaé😀abc"
b = s.encode("utf-8")
subs = ["", "a", "abc", "ca", "é", "😀", "x", "c😀"]
bounds = [None, -100, -5, -1, 0, 1, 3, 7, 9, 12, 100]
for sub in subs:
    out = []
    for st in bounds:
        for en in bounds:
            out.append((s.find(sub, st, en), s.rfind(sub, st, en), s.count(sub, st, en),
                        s.startswith(sub, st, en), s.endswith(sub, st, en)))
    print(repr(sub), out)
for sub in [b"", b"a", b"abc", b"\xc3", 97, 255]:
    out = []
    for st in bounds:
        for en in bounds:
            out.append((b.find(sub, st, en), b.rfind(sub, st, en), b.count(sub, st, en)))
    print(repr(sub), out)
print(s.startswith(("x", "abc"), 3), s.endswith(("c", "y"), 0, 3), b.startswith((b"x", b"bc"), 1))
