# stringprep (RFC 3454 tables over unicodedata.ucd_3_2_0): every table
# predicate counted over the BMP and beyond, and the two mapping tables.
import stringprep
import unicodedata

TABLES = ["in_table_a1", "in_table_b1", "in_table_c11", "in_table_c12", "in_table_c11_c12",
          "in_table_c21", "in_table_c22", "in_table_c21_c22", "in_table_c3", "in_table_c4",
          "in_table_c5", "in_table_c6", "in_table_c7", "in_table_c8", "in_table_c9",
          "in_table_d1", "in_table_d2"]
for name in TABLES:
    f = getattr(stringprep, name)
    hits = [cp for cp in range(0x20000) if f(chr(cp))]
    print(name, len(hits), hits[:3], hits[-2:])
changed = 0
for cp in range(0x20000):
    c = chr(cp)
    if stringprep.map_table_b2(c) != c.lower():
        changed += 1
print("b2 differs from lower:", changed)
for c in "A\u00df\u0130\u03a3\u1e9e\u2126\u3371\U0001d400\ufb01\u1fbc":
    print("U+%04X" % ord(c), ascii(stringprep.map_table_b2(c)), ascii(stringprep.map_table_b3(c)))
print(stringprep.unicodedata is unicodedata.ucd_3_2_0)
