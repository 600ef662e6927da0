# Short strs come from pools (every length up to the pool limit and past
# it), upper()/lower() take an ASCII fast path, str(int) formats without
# printf: results must not depend on any of it.
words = []
for n in range(0, 40):
    s = "".join(chr(97 + (i * 7 + n) % 26) for i in range(n))
    words.append(s)
    words.append(s.upper())
for w in words[::3]:
    print(len(w), w, w.upper(), w.lower(), w.swapcase()[:5], w.title()[:5], w.capitalize()[:5])
print(sorted(set(w[:3] for w in words))[:10])
# non-ASCII text keeps the general path
for s in ("straße", "ǅemal", "ΣΑΣ ΟΔΟΣ", "İstanbul", "ﬁx", "ǰ", "éÉ", "ﬃ"):
    print(s.upper(), s.lower(), len(s.upper()), len(s.lower()))
# ints through str() on both sides of the shared range and of int64
vals = [0, -1, 5, -5, -6, 256, 257, 9, 10, 99, 100, -100, 2 ** 31, -2 ** 31, 2 ** 63 - 1, -2 ** 63,
        2 ** 63, -2 ** 63 - 1, 10 ** 18, 10 ** 19, -10 ** 19]
print([str(v) for v in vals])
print(",".join(map(str, vals)), repr(-9223372036854775808), f"{-42}|{7:5}|{123456789012}")
# many strs made and dropped, pool blocks reused across sizes
acc = 0
for i in range(20000):
    s = str(i) + "x" * (i % 30)
    t = s[1:] + s[:1]
    acc += len(t) + (t == s) + len(s.upper())
print(acc)
parts = ("a,bb,,ccc," * 50).split(",")
print(len(parts), parts[:6], "-".join(parts[:8]))
d = {}
for i in range(3000):
    d["k" + str(i % 700)] = i
print(len(d), d["k0"], d["k699"], sum(len(k) for k in d))
