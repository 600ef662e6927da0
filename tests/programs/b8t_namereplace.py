# The namereplace error handler: \N{NAME} for characters with a Unicode
# name (table lookups, CJK ideographs and Hangul syllables computed),
# backslash escapes for those without one, through every built-in encoder.
samples = [
    "é€", "caf\xe9 \u20ac5", "\U0001F600\U0001F680", "\x80\x9f\xa0\xad",
    "\uac00\ud7a3\ub098", "\u4e00\u9fff\u3400\U00020000\U0002a700", "\uf900\ufa70",
    "\ue000\uffff\U00100000", "\u0378\u0000\u001f\u007f", "\u00df\u1e9e\u2126\u212b",
    "\u0300\u0301a\u0345", "\U0001D400\U0001D7FF", "\u17000"[:1] + "\U00017000\U00018800\U0001B170",
    "\u2028\u2029\u200b\ufeff", "\u0660\u06f0\u0966\uff10",
]
for s in samples:
    for enc in ("ascii", "latin-1"):
        print(enc, s.encode(enc, "namereplace"))
print("ab\u20accd".encode("utf-16-le", "namereplace"), "\u20ac".encode("utf-32-be", "namereplace"))
print("x\ud800y".encode("utf-8", "namereplace"))
print("x\udcffy".encode("ascii", "namereplace"))
print("x\u20ac".encode("cp1252", "namereplace"), "\u0100".encode("cp1252", "namereplace"))
print("\u0100\u20ac".encode("iso8859-15", "namereplace"))
import codecs
f = codecs.lookup_error("namereplace")
print(f)
print(f(UnicodeEncodeError("ascii", "a\u00e9\u4e00\uac00b", 1, 4, "r")))
print(f(UnicodeEncodeError("ascii", "abc", 5, 9, "r")))
print(f(UnicodeEncodeError("ascii", "abc", -3, 0, "r")))
for bad in [UnicodeDecodeError("ascii", b"\xff", 0, 1, "r"), UnicodeTranslateError("x", 0, 1, "r"),
            ValueError("v"), "str"]:
    try:
        f(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    b"\xff".decode("ascii", "namereplace")
except TypeError as e:
    print("TypeError", e)
print(codecs.encode("\u00e9t\u00e9", "ascii", "namereplace"))
