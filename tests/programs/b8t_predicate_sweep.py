# str predicates over the Basic Multilingual Plane: for each predicate the
# number of code points where it holds and a checksum of them, per 4096
# code points, plus multi-character strings.
preds = ['isidentifier', 'isdigit', 'isnumeric', 'isdecimal', 'isalpha', 'isalnum',
         'isspace', 'isprintable', 'isupper', 'islower', 'istitle']
for p in preds:
    row = []
    total = 0
    for base in range(0, 0x10000, 0x1000):
        n = 0
        h = 0
        for cp in range(base, base + 0x1000):
            if 0xD800 <= cp < 0xE000:
                continue
            if getattr(chr(cp), p)():
                n += 1
                h = (h * 17 + cp) & 0xFFFFFF
        total += n
        row.append('%x:%d/%06x' % (base >> 12, n, h))
    print(p, total)
    print('  ' + ' '.join(row[:8]))
    print('  ' + ' '.join(row[8:]))
# identifiers: start vs continue characters
starts = sum(1 for cp in range(0x10000) if not 0xD800 <= cp < 0xE000 and chr(cp).isidentifier())
conts = sum(1 for cp in range(0x10000) if not 0xD800 <= cp < 0xE000 and ('a' + chr(cp)).isidentifier())
print('identifier start', starts, 'continue', conts)
for s in ['a1', '1a', '_', '℘x', '℮', 'a·b', 'x\u0300', '\u0300x', 'Ⅸ', '٣٤', '²', '½', '', ' ', 'Aa', 'AA', 'Ab Cd', 'ǅa', 'a\u200b']:
    print(repr(s), [getattr(s, p)() for p in preds])
