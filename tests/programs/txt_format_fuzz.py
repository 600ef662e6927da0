# format() with pseudo-random specs (a fixed LCG, so the run is deterministic)
state = 7
def pick(seq):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return seq[(state >> 8) % len(seq)]
parts = ["", "<", ">", "^", "=", "x<", "0=", "*^", "é>"]
vals = [0, 1, -1, 123456, -98765, 2**65, 0.0, -0.0, 1.5, -2.75, 1e-7, 3.14159e20, float("inf"),
        float("nan"), "abc", "", "é😀", 1+2j, -0.5j, True]
for i in range(3000):
    spec = (pick(parts) + pick(["", "+", "-", " "]) + pick(["", "z"]) + pick(["", "#"]) + pick(["", "0"])
            + pick(["", "1", "7", "15"]) + pick(["", ",", "_"]) + pick(["", ".0", ".1", ".4", ".12"])
            + pick(["", "b", "c", "d", "e", "E", "f", "F", "g", "G", "n", "o", "s", "x", "X", "%"]))
    v = vals[i % len(vals)]
    try:
        r = format(v, spec)
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    print(repr(v), repr(spec), repr(r))
