# encodings.idna (nameprep through stringprep and ucd_3_2_0, punycode):
# str.encode('idna'), bytes.decode('idna'), the codec's errors.
import codecs
import encodings.idna as idna

for s in ["b\u00fccher.example", "\u00c4\u00d6\u00dc.de", "stra\u00dfe.de", "www.\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",
          "\u4f8b\u3048.\u30c6\u30b9\u30c8", "\u2163.example", "abc.", "ABC.Example", "\u0130stanbul.tr",
          "\ufb01le.org", "caf\u00e9\u3002com", "x\u200dy.z", "\u0644\u0627.com"]:
    try:
        b = s.encode("idna")
        print(ascii(s), b, ascii(b.decode("idna")))
    except UnicodeError as e:
        print(ascii(s), "!!", type(e).__name__, e, "|", repr(e.__cause__))
for b in [b"xn--bcher-kva.example", b"XN--BCHER-KVA.EXAMPLE", b"xn--n3h.com", b"example.com.",
          b"xn--zz", b"xn--.com", b"a" * 64 + b".com", b"\xff.com"]:
    try:
        print(b, ascii(b.decode("idna")))
    except UnicodeError as e:
        print(b, "!!", type(e).__name__, e)
for s in ["a" * 64 + ".com", "\u0627\u0031.com", "", ".", "a..b", "\u0080x.com", "x\u3000y.com",
          "\u00ad\u00ad.com", "-a.com", "\u0221.com", "\U0001f600.com"]:
    try:
        print(ascii(s), s.encode("idna"))
    except UnicodeError as e:
        print(ascii(s), "!!", type(e).__name__, e)
print(idna.nameprep("B\u00fcCHER"), idna.ToASCII("b\u00fccher"), idna.ToUnicode(b"xn--bcher-kva"))
print(codecs.encode("b\u00fccher.de", "idna"), codecs.decode(b"xn--bcher-kva.de", "idna"))
enc = codecs.getincrementalencoder("idna")()
print(enc.encode("b\u00fccher."), enc.encode("example", final=True))
dec = codecs.getincrementaldecoder("idna")()
print(ascii(dec.decode(b"xn--bcher-kva.")), ascii(dec.decode(b"de", final=True)))
print("b\u00fccher".encode("punycode"), b"bcher-kva".decode("punycode"))
# errors through codecs.encode/decode and the codec object are worded as CPython's
for f in (lambda: codecs.encode("a" * 64 + ".com", "idna"), lambda: codecs.decode(b"xn--.com", "idna"),
          lambda: codecs.lookup("idna").encode("a" * 64), lambda: "\u0627\u0031".encode("idna")):
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, e, repr(e.__cause__))
