# repr of every byte value, alone, in bytes and in a bytearray, and the quote choice
for v in range(256):
    b = bytes([v])
    print(v, repr(b), repr(bytearray(b)), b.hex(), b.isalnum(), b.isspace(), b.upper(), b.lower())
for s in [b"'", b'"', b"'\"", b"a'b", b'a"b', b"\\", b"'\\'"]:
    print(repr(s), repr(bytearray(s)), str(s))
