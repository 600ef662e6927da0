# The real re package over the C _sre engine.
import re
print(re.match(r"(\w+) (\w+)", "hello world extra").groups())
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "date: 2024-05-17")
print(m.group(0), m.group("year"), m["month"], m.span(), m.start(2), m.groupdict(), m.lastindex, m.lastgroup)
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"x*", "axb"))
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host you@there"))
print(re.subn("a", lambda m: m.group().upper(), "banana"), re.sub("x*", "-", "abc"))
print(re.split(r"[,;]\s*", "a, b;c,   d"), re.split(r"(,)", "a,b"), re.split(r"\b", "hi there"))
print(re.fullmatch(r"[a-f]+", "abcdef") is not None, re.fullmatch(r"[a-f]+", "abcdefg"))
print(re.compile(r"a+", re.I).findall("aAaBAA"), re.search(r"^b", "a\nb", re.M).start())
print([m.span() for m in re.finditer(r"o", "foo boo")], re.escape("a.b*c"))
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(?:ab)+", "ababx").group(), re.match(r"a{2,3}?", "aaaa").group())
print(re.match(r"(a+)(?=b)", "aaab").group(1), re.search(r"(?<=x)y", "axy").start(), re.match(r"(?!a)\w", "b").group())
print(re.match(r"(\w)\1", "aa").group(), re.match(r"(?i)straße", "STRASSE"), re.match(r"[^\W\d]+", "abc1").group())
print(re.compile(r"(?x) a  b # comment").pattern, repr(re.compile("ab", re.I | re.M)), re.compile(b"x+").match(b"xxy"))
print(re.match(r".*?(\d+)$", "abc123").group(1), re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi you"), re.match(r"(?P<a>x)(?P=a)", "xx").group())
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e)
