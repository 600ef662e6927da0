# %-formatting with pseudo-random conversions (a fixed LCG)
state = 11
def pick(seq):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return seq[(state >> 8) % len(seq)]
vals = [0, 7, -42, 2**70, 0.0, -0.0, 2.5, -1e-9, 1e22, float("inf"), float("nan"), "s", "é😀", b"b", True, 65, [1]]
for i in range(3000):
    fmt = ("%" + pick(["", "-", "+", " ", "#", "0", "-0", "+#", " 0"]) + pick(["", "1", "6", "*"])
           + pick(["", ".0", ".2", ".7", ".*"]) + pick("diouxXeEfFgGcrsa%"))
    v = vals[i % len(vals)]
    args = (v,)
    if "*" in fmt:
        args = tuple([5] * fmt.count("*")) + args
    try:
        r = fmt % args
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    print(repr(fmt), repr(v), repr(r))
    try:
        r = fmt.encode() % tuple(a.encode("utf-8") if isinstance(a, str) else a for a in args)
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    print(repr(r))
