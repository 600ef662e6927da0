# every code point below 0x180: its predicates, case mappings and reprs
preds = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isspace", "isupper", "islower",
         "istitle", "isprintable", "isidentifier", "isalnum", "isascii"]
for cp in range(0x180):
    c = chr(cp)
    flags = "".join("1" if getattr(c, p)() else "0" for p in preds)
    print(hex(cp), repr(c), ascii(c), flags, repr(c.upper()), repr(c.lower()), repr(c.title()),
          repr(c.casefold()), repr(c.swapcase()))
