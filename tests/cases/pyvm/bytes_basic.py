b = b"hello\x00\xff world"
print(b, len(b), b[0], b[-1], b[1:5], b + b"!", b * 2, b"ell" in b, 104 in b, list(b[:3]))
s = "héllo"
e = s.encode()
print(e, len(e), e.decode(), e.decode("utf-8") == s, bytes([65, 66, 67]), bytes(3), b"abc".hex())
print(b"a" < b"b", b"abc" == b"abc", {b"k": 1}[b"k"], repr(b"'\""), b"" or "empty")
try:
    b"\xff".decode()
except UnicodeDecodeError as err:
    print("UnicodeDecodeError:", err)
