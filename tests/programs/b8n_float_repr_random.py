# repr/str/format of pseudo-random doubles of every magnitude (shortest
# round-trip digits, CPython's switch to exponent form), float(repr(x))
# round trips, and format specs e/f/g/%/n-free on the same values.
import struct
state = 5150
def r64():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state
M = 2**61 - 1
cs = 0
for i in range(3000):
    bits = r64()
    x = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if x != x:
        continue
    s = repr(x)
    assert float(s) == x and str(x) == s
    assert float(x.hex()) == x if False else float.fromhex(x.hex()) == x
    for ch in s:
        cs = (cs * 131 + ord(ch)) % M
    if i % 60 == 0:
        print(s, format(x, ".3e"), format(x, ".17g"), format(x, "g"), format(x, ".2%")
              if abs(x) < 1e20 else "-", format(x, ".1f") if abs(x) < 1e25 else "-")
print("checksum", cs)
for e in range(-30, 30):
    for m in (1, 3, 9.99, 1.5, 7.25):
        x = m * 10.0**e
        print(repr(x), str(-x), f"{x:r}" if False else f"{x!r}", f"{x:.5g}", f"{x:e}")
