s = "naïve café — 日本"
print(len(s), s.upper(), s.encode("utf-8")[:8], len(s.encode("utf-8")))
print([hex(ord(c)) for c in "aé€😀"])
print("😀".encode("utf-8"), len("😀"), "😀" * 2)
print("é" == "\u00e9", "e\u0301" == "é", len("e\u0301"))
print(sorted("zäa"), "Ä".lower(), "straße".upper(), "ǆ".title())
print("αβγ".upper(), "ΑΒΓ".lower(), "Σ".lower())
print("١٢٣".isdigit(), int("١٢٣"), "Ⅷ".isnumeric(), "x²".isalnum())
print("\t\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028".isspace())
print("abc".center(9, "·"), "日本".ljust(5, "-") + "|")
b = "héllo".encode("latin-1")
print(b, b.decode("latin-1"), "héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
