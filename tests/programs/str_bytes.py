b = b"hello world"
print(b, len(b), b[0], b[1:5], b[::-1], list(b[:3]))
print(b.upper(), b.split(), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), "café".encode("latin-1"))
print(bytes([65, 66, 67]), bytes(3), bytes(range(5)), bytes("xy", "ascii"))
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 90
ba.extend(b"!!")
print(ba, bytes(ba), len(ba), ba.pop(), ba)
print(b"ab" + b"cd", b"x" * 3, b"a" in b"abc", 98 in b"abc")
print(b"\x00\x01\xfe".hex(), bytes.fromhex("de ad be ef"), b"abc" < b"abd")
print(repr(b"'\"\n\t\\"), b"%d-%s" % (5, b"x"))
try:
    b"x" + "y"
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(b"a,b".split(b","), b"-".join([b"1", b"2"]), b" x ".strip(), b"abc".startswith(b"ab"))
