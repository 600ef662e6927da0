# large strings: operations that must stay linear
s = "héllo wörld " * 20000
print(len(s), len(s.split()), len(s.split(" ")), s.count("ö"), s.find("wörld", 100000), s.rfind("h"))
r = s[::-1]
print(len(r), r[:12], s[::97][:10], len(s[5:-5:3]))
print(len(s.upper()), s.upper()[:12], len(s.replace("ö", "oe")), len(s.encode()), len(s.encode("utf-16")))
print(len("".join(reversed(s))), len(" ".join(s.split())), s.strip()[-5:], len(s.splitlines()))
b = s.encode()
print(len(b.split()), b.count(b"\xc3"), len(b[::-1]), len(b.decode()), len(b.hex()))
t = "x" * 100000 + "y"
print(t.find("xy"), t.rfind("xx"), t.count("x"), t.endswith("xy"), t.index("y"))
print(len(f"{s[:50]}{t[-5:]}"), len("%s%s" % (s, t)), len("{}{}".format(s, t)))
