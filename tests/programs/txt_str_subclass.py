class S(str):
    def extra(self):
        return "extra:" + self
s = S("Hello World")
for name in ["upper", "lower", "title", "strip", "casefold", "swapcase", "capitalize"]:
    r = getattr(s, name)()
    print(name, repr(r), type(r).__name__)
print(type(s[0]).__name__, type(s[1:3]).__name__, type(s + "x").__name__, type(s * 2).__name__)
print(type(s.replace("o", "0")).__name__, [type(p).__name__ for p in s.split()])
print(type(s.center(20)).__name__, type(s.zfill(3)).__name__, type(s.ljust(3)).__name__)
print(type(s.partition(" ")[0]).__name__, type(s.partition("#")[0]).__name__)
print(type(str(s)).__name__, type(format(s, "")).__name__, type(f"{s}").__name__)
print(s.extra(), s == "Hello World", isinstance(s, str), len(s), "World" in s)
print(repr(s), str(s), "%s" % s, "{}".format(s))
print(S("a") < S("b"), sorted([S("b"), S("a")]), "".join([S("x"), "y"]))
class B(bytes):
    pass
b = B(b"abc")
print(type(b.upper()).__name__, type(b[0:1]).__name__, type(b + b"x").__name__, b, repr(b))
print(type(b.strip()).__name__, type(bytes(b)).__name__, b == b"abc", b.decode())
