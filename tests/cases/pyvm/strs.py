s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), s.replace("l", "L"))
print(s[0:5], s[-5:], s[::2], s[::-1])
print(s.find("World"), s.find("x"), s.count("l"), s.startswith("Hell"), s.endswith("d"))
print("-".join(["a", "b", "c"]), "  pad  ".strip(), "x".center if False else "ok")
print("a b  c".split(), "1,2,,3".split(","), len("héllo"), "héllo"[1])
print(repr("it's"), repr('say "hi"'), repr("tab\tnew\nline"), repr("\x00\x7f"))
name = "pyvm"
n = 3
print(f"{name} has {n} items, {n * 2} doubled, {name!r}, {[1, 2]}")
print("abc" < "abd", "abc" == "abc", "b" > "abc", "abc" * 3, 3 * "x")
print(str(123), str(-4), repr(None), str(True), int("42"), int("-17"), int("  8 "))
for ch in "xyz":
    print(ch, ord(ch), chr(ord(ch) + 1))
print("%s" if False else "no-percent", "a" in "cat", "z" not in "cat")
