# unicodedata.normalize / is_normalized: the four forms on composed and
# decomposed Latin, Greek, Hangul (syllables and jamo), compatibility
# characters, reordering of combining marks, and composition exclusions.
import unicodedata as ud

SAMPLES = [
    "", "abc", "caf\u00e9", "cafe\u0301", "\u00c5", "A\u030a", "\u212b", "\u2126",
    "\u1e9b\u0323", "\u1e0b\u0323", "d\u0323\u0307", "d\u0307\u0323", "q\u0307\u0323",
    "\u0041\u0301\u0316\u0300", "a\u0328\u0301\u0300\u0302", "\u00e0\u0328",
    "\uac00", "\uac01", "\ud7a3", "\u1100\u1161", "\u1100\u1161\u11a8", "\uac00\u11a8",
    "\u1100\u1100\u1161\u1161\u11a8\u11a8", "\u1112\u1175\u11c2x", "\u1100a\u1161",
    "\ufb01", "\u2460", "\u00bd", "\u2075", "\u017f\u0307", "\u1e9b", "\uff21\uff22",
    "\u3300", "\u32ff", "\ufdfa", "\u0958", "\u0915\u093c", "\u2adc", "\u0344",
    "\u0f73", "\u0f71\u0f72", "\u0f75", "\u0f77", "\U0001d15e", "\U0001d165\U0001d16e",
    "\u05e9\u05c1\u05bc", "\ufb2c", "\u09c7\u09be", "\u0b47\u0b3e\u0b56", "\u1025\u102e",
    "\u0627\u0653", "\u0627\u0654\u0650", "\u3099\u304b", "\u304b\u3099", "\u30ab\u309a",
    "\u0308\u0301a", "\u0301", "e\u0301\u0301", "\u1e69", "s\u0323\u0307",
    "\U0002f868", "\uf951", "\uf900", "\U00010000\u0301", "x\ud800y", "\ud800\u0301",
    "\u0392\u0301\u0313", "\u1f00\u0300", "\u03b1\u0313\u0300\u0345",
    "\u00e9" * 20, "e" + "\u0301" * 30,
]
for s in SAMPLES:
    row = [ascii(ud.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    flags = "".join("1" if ud.is_normalized(f, s) else "0" for f in ("NFC", "NFD", "NFKC", "NFKD"))
    print(ascii(s), " ".join(row), flags)
s = "abc"
print(ud.normalize("NFC", s) is s, ud.normalize("NFKD", "") == "")
# every precomposed Latin-1 letter decomposes and recomposes
latin = "".join(chr(c) for c in range(0xc0, 0x180) if ud.decomposition(chr(c))[:1] != "<")
print(len(latin), ud.normalize("NFC", ud.normalize("NFD", latin)) == latin,
      len(ud.normalize("NFD", latin)))
# all Hangul syllables survive NFD -> NFC
hangul = "".join(map(chr, range(0xac00, 0xd7a4)))
d = ud.normalize("NFD", hangul)
print(len(d), ud.normalize("NFC", d) == hangul, ud.normalize("NFKC", d) == hangul)
