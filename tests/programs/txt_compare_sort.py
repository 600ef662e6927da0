# ordering of str and bytes by code point / byte value
words = ["", "a", "A", "ab", "aB", "b", "é", "e\u0301", "z", "Z", "😀", "\uffff", "\U00010000", "a\x00",
         "\x00", "ß", "ss", "ǅ", "10", "9", "-", "_"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.casefold))
print(sorted(words, key=len))
print([(a < b, a <= b, a == b, a > b) for a in words[:8] for b in words[:8]])
bs = [w.encode() for w in words]
print(sorted(bs))
print(max(words), min(words), max(bs), min(bs))
print("abc" in "xabcx", "" in "", "a" in "", "😀" in "x😀", b"" in b"", b"bc" in b"abc", 99 in b"abc")
print([w * 2 for w in words[:5]], [w * 0 for w in words[:3]], [w * -3 for w in words[:3]])
