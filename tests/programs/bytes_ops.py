b = bytes(range(65, 75))
print(b, b[2:5], b[-1], len(b), b * 2, b + b"!")
print(list(b"\x00\x7f\x80\xff"), b"abc" == b"abc", b"abc" != "abc")
print(b"hello".find(b"l"), b"hello".index(b"o"), b"hello".count(b"l"), b"x" in b"xyz")
print(b"a b c".split(), b"a,b".split(b","), b"--".join([b"a", b"b"]), b"  pad  ".strip())
print(b"Hello".lower(), b"hello".upper(), b"hello".replace(b"l", b"L"), b"abc".startswith(b"a"))
print(b"%s=%d" % (b"k", 5), b"%x" % 255, bytes.fromhex("616263"), b"abc".hex())
print(repr(b"\t\n\r\\'\""), str(b"q"), bytes(b"copy"), bytearray(b"mut"))
ba = bytearray(b"hello")
ba[0] = ord("j")
ba += b"!"
del ba[1]
print(ba, ba.decode(), len(ba), ba.upper())
print(int.from_bytes(b"\x01\x02", "big"), (258).to_bytes(2, "little"), b"\x00" * 3)
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
