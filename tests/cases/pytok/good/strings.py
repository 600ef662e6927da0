a = (b"x", rb"y", Br"z", R"w", u"v", f"{a!r}", F"x", fr"y", Rf"z", b"\x00", "it's", 'say "hi"')
