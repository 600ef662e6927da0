# str methods widened: Unicode case mapping and predicates, casefold,
# translate/maketrans, format_map, int() of Unicode digits, %-precision.
samples = ["", "abc", "ABC", "Abc", "123", "½", "²", "١٢٣", "x y", "Ǆemal", "ΣΑΣ ΟΔΟΣ", "straße"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.islower(), s.isupper(), s.istitle())
    print(" ", s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase())
print("ﬁ".upper(), "İ".lower().encode(), "ǅ".istitle(), "ΌΣΟΣ.".lower(), "ΑΣ'Σ".lower())
print("\t\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028".isspace(), "\u00a0".isspace())
print("a_1".isidentifier(), "1a".isidentifier(), "é".isascii(), "x\x07".isprintable())
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcd-abcd".translate(t), "hi".translate({ord("h"): "HH", 105: None}))
print(str.maketrans({"a": "1", 98: None}) == {97: "1", 98: None})
print("{name}:{0}".format("p", name="n"), "{a}-{b}".format_map({"a": 1, "b": 2}))


class Missing(dict):
    def __missing__(self, key):
        return "?" + key


print("{x} {y}".format_map(Missing(x=1)))
print(int("١٢٣"), int(" ٤٥ "), "%.3d|%5.2d|%-6.3x|%+.2d" % (7, 3, 255, 5))
for bad in ("{", "{0} {}", "{} {0}", "{:{}{}}"):
    try:
        print(bad.format("z", ">", 5))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "x".encode("ascii") + "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
print("é€".encode("latin-1", "replace"), "é€".encode("ascii", "ignore"), "é".encode("latin-1"))
