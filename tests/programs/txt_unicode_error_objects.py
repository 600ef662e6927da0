e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(str(e), repr(e), e.encoding, e.object, e.start, e.end, e.reason, e.args)
e = UnicodeDecodeError("ascii", b"abc", 1, 3, "bad")
print(str(e))
e = UnicodeEncodeError("latin-1", "a\u20acb", 1, 2, "ordinal not in range(256)")
print(str(e), e.object, e.start, e.end)
e = UnicodeEncodeError("ascii", "\U0001F600\xe9", 0, 1, "nope")
print(str(e))
e = UnicodeEncodeError("ascii", "\U0001F600\xe9", 1, 2, "nope")
print(str(e))
e = UnicodeEncodeError("ascii", "abc", 0, 3, "nope")
print(str(e))
print(issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeError, ValueError))
for data, enc in [(b"\x80", "utf-8"), (b"abc\xc3", "utf-8"), (b"\xe0\x80", "utf-8"), (b"\x81", "ascii")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as err:
        print(type(err).__name__, err.encoding, err.object, err.start, err.end, err.reason, "|", err)
for text, enc in [("\u20ac", "latin-1"), ("ab\udc80", "utf-8"), ("\xe9\xe9x", "ascii")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as err:
        print(type(err).__name__, err.encoding, ascii(err.object), err.start, err.end, err.reason, "|", err)
try:
    b"\xff".decode()
except ValueError as err:
    print("caught as ValueError:", err)
try:
    "x".encode("no-such-codec")
except LookupError as err:
    print("LookupError:", err)
try:
    b"x".decode("rot13")
except LookupError as err:
    print("LookupError:", err)
b"\xff".decode("utf-8")
