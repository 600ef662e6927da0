import codecs
print(codecs.lookup("UTF-8").name, codecs.lookup("latin1").name, codecs.lookup("ASCII").name)
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8"))
print(codecs.encode("héllo", "latin-1"), codecs.decode(b"h\xe9llo", "latin-1"))
print(codecs.utf_8_encode("é"), codecs.utf_8_decode(b"\xc3\xa9"))
print(codecs.latin_1_encode("é"), codecs.ascii_decode(b"abc"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
try:
    codecs.lookup("nope-codec")
except LookupError as e:
    print("LookupError", e)
print(codecs.lookup_error("strict").__name__, codecs.lookup_error("replace").__name__)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError", e)
