# Unicode predicates and case mappings over all of Unicode, summarised per block of 4096
preds = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isspace", "isupper", "islower",
         "istitle", "isprintable", "isidentifier", "isalnum"]
for base in list(range(0, 0x11000, 0x1000)) + [0x1d000, 0x1f000, 0x2f000, 0xe0000, 0x10f000]:
    counts = [0] * len(preds)
    sums = [0] * len(preds)
    caseh = 0
    for cp in range(base, base + 0x1000):
        if 0xd800 <= cp < 0xe000:
            continue
        c = chr(cp)
        for i, p in enumerate(preds):
            if getattr(c, p)():
                counts[i] += 1
                sums[i] = (sums[i] * 31 + cp) % 1000000007
        for m in (c.upper(), c.lower(), c.title(), c.casefold(), c.swapcase(), c.capitalize()):
            if m != c:
                for ch in m:
                    caseh = (caseh * 131 + ord(ch)) % 1000000007
                caseh = (caseh * 7 + len(m)) % 1000000007
    print(hex(base), counts, sums, caseh)
