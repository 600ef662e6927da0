# repr() and ascii() of every code point, summarised per block; a few spelled out
for base in list(range(0, 0x12000, 0x2000)) + [0x1e000, 0x2e000, 0xe0000, 0x10e000]:
    h = 0
    escaped = 0
    for cp in range(base, base + 0x2000):
        r = repr(chr(cp))
        a = ascii(chr(cp))
        if r != "'" + chr(cp) + "'":
            escaped += 1
        for s in (r, a):
            for ch in s:
                h = (h * 131 + ord(ch)) % 1000000007
    print(hex(base), escaped, h)
print(repr("'"), repr('"'), repr("'\""), repr("\\"), repr("\x00\x1f\x7f\x80\x9f\xa0\xad"))
print(repr("a'b"), repr('a"b'), repr("\t\n\r\x0b\x0c"), repr("\u2028\u200b\ufeff\U000e0001"))
print(ascii("é€😀\x85"), ascii("plain"), ascii(["é", b"\xe9"]), repr(["é", "\x00"]))
print(repr("\ud800\udfff"), ascii("\ud800"), str("x\ud800y").__len__())
print(repr(b"\xff\x00\x7f'"), repr(bytearray(b"a'\"")), repr(b'"'))
