# str and bytes methods with pseudo-random arguments (a fixed LCG)
state = 5
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return (state >> 8) % n
alpha = "ab é😀\t\n,"
def rstr():
    return "".join(alpha[rnd(len(alpha))] for _ in range(rnd(8)))
def rint():
    return [None, -10, -3, -1, 0, 1, 2, 5, 20][rnd(9)]
names = ["find", "rfind", "count", "index", "rindex", "startswith", "endswith", "split", "rsplit",
         "partition", "rpartition", "replace", "strip", "lstrip", "rstrip", "center", "ljust", "rjust",
         "zfill", "expandtabs", "splitlines", "removeprefix", "removesuffix", "join", "title", "swapcase"]
for i in range(2500):
    s = rstr()
    name = names[rnd(len(names))]
    if name in ("find", "rfind", "count", "index", "rindex", "startswith", "endswith"):
        args = (rstr(), rint(), rint())[: 1 + rnd(3)]
    elif name in ("split", "rsplit"):
        args = ([None, rstr() or ",", " "][rnd(3)], rint() if rint() is not None else -1)[: rnd(3)]
    elif name in ("partition", "rpartition", "removeprefix", "removesuffix"):
        args = (rstr() or "a",)
    elif name == "replace":
        args = (rstr(), rstr(), rint() if rnd(2) else -1)[: 2 + rnd(2)]
    elif name in ("strip", "lstrip", "rstrip"):
        args = ([None, rstr()][rnd(2)],)[: rnd(2)]
    elif name in ("center", "ljust", "rjust"):
        args = (rnd(12), "*é"[rnd(2)])[: 1 + rnd(2)]
    elif name == "zfill":
        args = (rnd(10),)
    elif name == "expandtabs":
        args = (rnd(6),)
    elif name == "splitlines":
        args = (bool(rnd(2)),)
    elif name == "join":
        args = ([rstr() for _ in range(rnd(4))],)
    else:
        args = ()
    try:
        r = getattr(s, name)(*args)
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    print(repr(s), name, repr(args), repr(r))
    try:
        b = s.encode("latin-1")
        bargs = tuple(a.encode("latin-1") if isinstance(a, str) else
                      [x.encode("latin-1") for x in a] if isinstance(a, list) else a for a in args)
        r = getattr(b, name)(*bargs)
    except UnicodeEncodeError:
        continue
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    print(repr(r))
