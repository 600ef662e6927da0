# every built-in codec x error handler over strings and byte strings
texts = ["", "abc", "héllo", "€uro", "😀x", "a\udcffb", "\ud800", "\x00\x7f\x80\xff", "日本語"]
codecs = ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
          "utf-32-be", "UTF8", "Latin_1", "iso8859-1", "us-ascii", "L1", "U16"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
            "surrogateescape", "surrogatepass"]
for t in texts:
    for c in codecs:
        row = []
        for h in handlers:
            try:
                row.append(t.encode(c, h))
            except UnicodeEncodeError as e:
                row.append(("UEE", e.encoding, e.start, e.end, e.reason))
            except Exception as e:
                row.append((type(e).__name__, str(e)))
        print(repr(t), c, row)
datas = [b"", b"abc", b"\xff", b"a\x80b", b"\xc3\xa9", b"\xc3", b"\xe2\x82\xac", b"\xe2\x82",
         b"\xf0\x9f\x98\x80", b"\xf0\x9f", b"\xed\xb2\x80", b"\xc0\x80", b"\x00a\x00", b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\xd8\x00\xdc"]
for d in datas:
    for c in codecs[:9]:
        row = []
        for h in handlers:
            try:
                row.append(d.decode(c, h))
            except UnicodeDecodeError as e:
                row.append(("UDE", e.encoding, e.start, e.end, e.reason))
            except Exception as e:
                row.append((type(e).__name__, str(e)))
        print(d, c, row)
