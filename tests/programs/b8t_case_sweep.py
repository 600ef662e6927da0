# Unicode case mappings over the Basic Multilingual Plane: a digest per
# block of 256 code points of upper/lower/casefold/title/swapcase/capitalize
# results, and the exact mapping wherever a result is not one character.
def digest(s):
    h = 0
    for ch in s:
        h = (h * 1000003 + ord(ch)) & 0xFFFFFFFF
    return h

multi = []
for block in range(0, 0x10000, 0x100):
    parts = []
    for name in ('upper', 'lower', 'casefold', 'title', 'swapcase', 'capitalize'):
        h = 0
        for cp in range(block, block + 0x100):
            if 0xD800 <= cp < 0xE000:
                continue
            c = chr(cp)
            r = getattr(c, name)()
            h = (h * 31 + digest(r) + len(r)) & 0xFFFFFFFF
            if len(r) != 1 and name in ('upper', 'casefold'):
                multi.append('%s U+%04X -> %s' % (name, cp, ' '.join('%04X' % ord(x) for x in r)))
        parts.append('%08x' % h)
    print('%04X' % block, ' '.join(parts))
print(len(multi))
for m in multi:
    print(m)
# context-dependent final sigma and words
for s in ['ΣΑΣ', 'ΟΔΟΣ ΣΑ', 'Σ', 'aΣ.', 'ǅungla', 'ﬁre ßtraße', 'İstanbul', 'ǈ ǋ ǲ', 'ῼ ᾈ']:
    print(s.lower(), s.upper(), s.casefold(), s.title(), s.swapcase(), s.capitalize())
