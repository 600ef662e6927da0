# bytes methods, bytes % args, bytes.fromhex, and bytearray.
b = b"  Hello, World  "
print(b.strip(), b.lower(), b.upper(), b.swapcase(), b.split(), b.split(b","), b.find(b"o"))
print(b.rfind(b"o"), b.count(b"l"), b.replace(b"l", b"L", 2), b.startswith(b"  H"), b.endswith((b"x", b"  ")))
print(b.partition(b","), b"a\nb\r\nc".splitlines(), b"-".join([b"x", b"y"]), b"ab".center(6, b"*"))
print(b"abc".isalpha(), b"123".isdigit(), b" ".isspace(), b"AB".isupper(), b"\xe9".isalpha())
print(b"%s=%d (%x) %r" % (b"k", 5, 255, b"v"), b"%c%c" % (65, b"B"), b"%5s|" % b"ab")
print(bytes.fromhex("de ad BE EF"), b"\x00\xff".hex(), b"abc".index(b"c"), 98 in b"abc")
try:
    bytes.fromhex("0g")
except ValueError as e:
    print("ValueError:", e)
ba = bytearray(b"hello world")
ba[0] = ord("J")
ba[1:5] = b"ELLO"
del ba[5]
ba += b"!"
ba.append(33)
ba.extend([63, 63])
print(ba, len(ba), ba[0], ba[-3:], ba.pop(), ba.pop(0), ba)
ba.insert(0, 106)
ba.remove(ord("!"))
print(ba, ba.upper(), ba.split(b"E"), ba.find(b"w"), ba.decode(), bytes(ba), ba == bytes(ba))
ba.reverse()
print(ba, ba.copy(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), b"x" + bytearray(b"y"))
print(bytearray(b"ab") * 2, list(bytearray(b"AB")), b"a" in bytearray(b"cab"), bool(bytearray()))
for f in (lambda: hash(bytearray()), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(9),
          lambda: bytearray(1).append(256), lambda: bytearray("x"), lambda: b"x" + "y"):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
