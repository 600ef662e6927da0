for s in ("plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x7f",
          "\u00e9", "\u2603", "\U0001f600", "back\\slash", "\r", "\x1b[0m", "\ud800"):
    print(repr(s), ascii(s), len(s))
print("a\
b")
print(r"raw\n\t", len(r"\n"))
print("\101\x41\u0041\N{LATIN SMALL LETTER A}")
print('''triple
quoted''')
print("implicit" " concat" ' mixed')
print(str(b"bytes"), repr(b"\x00\xff'"))
