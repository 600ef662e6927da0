# unicodedata.ucd_3_2_0: the Unicode 3.2.0 answers (characters assigned
# later are unassigned there; changed properties; NormalizationCorrections).
import unicodedata as ud

old = ud.ucd_3_2_0
print(old.unidata_version, type(old) is ud.UCD)
for c in "a\u0221\u0860\u08a0\u20ac\u20b9\u2c60\u9fa5\u9fa6\u9fff\ua000\uac00\U00020000\U0002a6d6" \
         "\U0002a6d7\U0001f600\u00bd\u1e9e\u0345\u0f71\u00aa\u2126\u3007\ufe0f\u180e\u200b\u1100\u0673":
    print("U+%04X" % ord(c), old.category(c), ud.category(c), repr(old.bidirectional(c)),
          old.combining(c), old.east_asian_width(c), old.mirrored(c), repr(old.decomposition(c)),
          old.name(c, None), old.numeric(c, None), old.decimal(c, None), old.digit(c, None))
for n in ["LATIN SMALL LETTER A", "LATIN CAPITAL LETTER D WITH CURL", "CJK UNIFIED IDEOGRAPH-9FA6",
          "HANGUL SYLLABLE GAG", "EURO SIGN", "INDIAN RUPEE SIGN", "LATIN CAPITAL LETTER GHA",
          "KEYCAP NUMBER SIGN", "BOM"]:
    try:
        print(n, ascii(old.lookup(n)))
    except KeyError as e:
        print(n, "!!", e)
for c in ["\U0002f868", "\U0002f874", "\U0002f91f", "\U0002f95f", "\U0002f9bf", "\uf951",
          "\u0221\u0301", "a\u0860\u0301", "\uac00\u11a8"]:
    print(ascii(c), [ascii(old.normalize(f, c)) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [ascii(ud.normalize(f, c)) for f in ("NFC", "NFD")], old.is_normalized("NFC", c))
# counts over planes 0 to 2
cn_old = sum(1 for cp in range(0x30000) if old.category(chr(cp)) == "Cn")
cn_new = sum(1 for cp in range(0x30000) if ud.category(chr(cp)) == "Cn")
print(cn_old, cn_new)
diff = sum(1 for cp in range(0x20000) if old.bidirectional(chr(cp)) != ud.bidirectional(chr(cp)))
print(diff)
