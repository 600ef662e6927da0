# chr() and ord(): ranges, bytes, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for c in (0, 65, 127, 128, 255, 256, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff, 0xd800, 0xdfff):
    try:
        s = chr(c)
        print(c, len(s), ord(s) == c, ascii(s))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(chr, 0x110000)
t(chr, -1)
t(chr, 2**31)
t(chr, 2**63)
t(chr, -2**31 - 1)
t(chr, 2**100)
t(chr, 1.5)
t(chr, "a")
t(chr, None)
t(chr)
t(chr, 1, 2)
t(chr, i=65)
t(chr, True)
class Idx:
    def __index__(self):
        return 97
t(chr, Idx())
t(ord, "a")
t(ord, "é")
t(ord, "€")
t(ord, "\U0001f600")
t(ord, b"a")
t(ord, b"\xff")
t(ord, bytearray(b"z"))
t(ord, "")
t(ord, "ab")
t(ord, b"")
t(ord, b"ab")
t(ord, bytearray())
t(ord, 1)
t(ord, None)
t(ord, ["a"])
t(ord)
t(ord, "a", "b")
t(ord, c="a")
class S(str):
    pass
t(ord, S("x"))
print([ord(c) for c in "héllo wörld"])
print("".join(chr(i) for i in range(0x3b1, 0x3c0)))
