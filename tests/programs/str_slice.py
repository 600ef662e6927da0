s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[1:-1:3])
print(s[100:], s[-100:2], s[5:2], s[::-3])
print(len(s), s * 2, "ab" + "cd", 3 * "xy")
print("é" * 3, len("日本語"), "日本語"[1], "日本語"[::-1])
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "a" * 0 == "")
print(list(s[:3]), tuple("xy"), sorted("banana"))
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print(s[slice(1, 4)], s[slice(None, None, -2)])
i = slice(2, 8, 2)
print(i.start, i.stop, i.step, i.indices(5))
