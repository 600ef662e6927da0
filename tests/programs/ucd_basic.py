# unicodedata: the per-character properties of a spread of characters.
import unicodedata as ud

CHARS = "aZ5 \t\n\x00\x7f\xa0\xad\xb2\xbd\xc5\xe9\u0301\u0345\u05d0\u0627\u0660\u0967" \
        "\u1100\u1161\u11a8\u2028\u2029\u20ac\u2160\u2167\u216b\u2460\u3000\u3007\u4e00\uac00" \
        "\ud7a3\ue000\uf900\ufb01\ufe0f\uff21\uffff\U0001d400\U0001f600\U00020000\U000e0001" \
        "\U000f0000\U0010ffff\u0221\u0860\u08a0\u9fff\U0001f9ff\U00018b00\U0001b170\U00017000"

for c in CHARS:
    print("U+%04X" % ord(c), ud.category(c), repr(ud.bidirectional(c)), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)),
          ud.name(c, None))

print(ud.unidata_version, type(ud.ucd_3_2_0).__name__, ud.UCD.__module__, ud.UCD)
print(ud.lookup("LATIN SMALL LETTER A"), ud.lookup("latin capital letter e with acute"))
print(ascii(ud.lookup("HANGUL SYLLABLE GAG")), ascii(ud.lookup("CJK UNIFIED IDEOGRAPH-4E00")),
      ascii(ud.lookup("CJK UNIFIED IDEOGRAPH-20000")))
# aliases and named sequences
print(ascii(ud.lookup("LATIN CAPITAL LETTER GHA")), ascii(ud.lookup("BYTE ORDER MARK")),
      ascii(ud.lookup("NUL")), ascii(ud.lookup("zwnbsp")))
print(ascii(ud.lookup("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE")),
      ascii(ud.lookup("KEYCAP NUMBER SIGN")), ascii(ud.lookup("TAMIL SYLLABLE KSSAU")))
# names round-trip
for cp in (0x41, 0x3b1, 0x1f600, 0xac01, 0x4e00, 0xf900, 0x18b00, 0x1b170, 0xe0100):
    n = ud.name(chr(cp))
    print(n, ud.lookup(n) == chr(cp), ud.lookup(n.lower()) == chr(cp) if not n.startswith(("CJK UNIFIED", "HANGUL")) else "-")
# "\N{...}" in source goes through the same names
print(ascii("\N{GREEK SMALL LETTER ALPHA}\N{LATIN CAPITAL LETTER GHA}\N{BOM}\N{HANGUL SYLLABLE GAG}\N{cjk compatibility ideograph-f900}"))
print(ascii(b"\\N{NUL}\\N{EM DASH}".decode("unicode_escape")))
print(ascii("\u01a2\u2014".encode("ascii", "namereplace")))
