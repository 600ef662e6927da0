# on ASCII data the bytes methods agree with the str methods (but whitespace
# and line breaks are ASCII-only for bytes)
samples = ["", "abc", "  Hello World  ", "a,b,,c", "MiXeD cAsE 123", "tab\tsep\tx", "line1\nline2\r\nline3\r",
           "x\x1cy\x1dz", "they're bill's friends", "___", "0012", "-12", "a1b2"]
def conv(v):
    if isinstance(v, bytes):
        return v.decode("ascii")
    if isinstance(v, (list, tuple)):
        return type(v)(conv(x) for x in v)
    return v
calls = [("upper", ()), ("lower", ()), ("swapcase", ()), ("title", ()), ("capitalize", ()),
         ("isalpha", ()), ("isalnum", ()), ("isdigit", ()), ("isspace", ()), ("isupper", ()),
         ("islower", ()), ("istitle", ()), ("isascii", ()), ("strip", ()), ("split", ()),
         ("split", (",",)), ("rsplit", (None, 1)), ("splitlines", ()), ("splitlines", (True,)),
         ("partition", (",",)), ("rpartition", (" ",)), ("center", (20, "*")), ("zfill", (6,)),
         ("expandtabs", (4,)), ("find", ("l",)), ("rfind", ("l",)), ("count", ("l",)),
         ("replace", ("l", "L")), ("startswith", ("a",)), ("endswith", ("3",)),
         ("removeprefix", ("a",)), ("removesuffix", ("c",)), ("ljust", (16, ".")), ("rjust", (16,))]
for s in samples:
    b = s.encode("ascii")
    for name, args in calls:
        bargs = tuple(a.encode() if isinstance(a, str) else a for a in args)
        rs = getattr(s, name)(*args)
        rb = getattr(b, name)(*bargs)
        same = conv(rb) == rs
        print(repr(s), name, args, "same" if same else ("DIFF", rs, rb))
