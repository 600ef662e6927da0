# correctly rounded float formatting: a deterministic stream of doubles
state = 12345
def nxt():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
vals = []
for i in range(400):
    m = nxt() % 2**53
    e = nxt() % 200 - 100
    x = m * 2.0 ** e * (-1 if nxt() % 2 else 1)
    vals.append(x)
vals += [0.1, 0.5, 1.5, 2.5, 0.125, 1e23, 9.999999999999999e22, 5e-324, 2.2250738585072014e-308,
         1.7976931348623157e308, 0.3, 2/3, 1e15, 1e16, 123456789012345678.0]
for x in vals:
    print(repr(x), str(x), "%.17g" % x, "%.3e" % x, "%.20f" % abs(x) if abs(x) < 1e30 else "",
          format(x, ".12"), format(x, "g"), format(x, ".0f") if abs(x) < 1e40 else "", format(x, "%") if abs(x) < 1e20 else "")
