# int.to_bytes / int.from_bytes with every argument form (3.11: length and
# byteorder have defaults), signed and unsigned, overflow, and subclasses.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for n in [0, 1, 127, 128, 255, 256, -1, -128, -129, -256, 2**63, -2**63, 2**64 - 1, 10**30, -10**30]:
    for length in [1, 2, 8, 9, 16]:
        for order in ["big", "little"]:
            for signed in [False, True]:
                t(("to", n, length, order, signed), lambda: n.to_bytes(length, order, signed=signed))
t("default", lambda: (5).to_bytes())
t("default-big", lambda: (300).to_bytes())
t("kw", lambda: (258).to_bytes(length=2, byteorder="little"))
t("kw2", lambda: (258).to_bytes(byteorder="little", length=3))
t("zero-len", lambda: (0).to_bytes(0, "big"))
t("zero-len1", lambda: (1).to_bytes(0, "big"))
t("neg-len", lambda: (1).to_bytes(-1, "big"))
t("bad-order", lambda: (1).to_bytes(1, "middle"))
t("order-type", lambda: (1).to_bytes(1, 5))
t("len-type", lambda: (1).to_bytes("1", "big"))
t("neg-unsigned", lambda: (-1).to_bytes(1, "big"))
t("too-many", lambda: (1).to_bytes(1, "big", True))
t("bad-kw", lambda: (1).to_bytes(1, "big", sign=True))
t("bool", lambda: True.to_bytes(2, "little"))
for data in [b"", b"\x00", b"\x01", b"\x7f", b"\x80", b"\xff", b"\x00\xff", b"\xff\x00",
             b"\x01\x02\x03\x04\x05\x06\x07\x08\x09", b"\xff" * 20, b"\x80" + b"\x00" * 15]:
    for order in ["big", "little"]:
        for signed in [False, True]:
            t(("from", data, order, signed), lambda: int.from_bytes(data, order, signed=signed))
t("from-default", lambda: int.from_bytes(b"\x01\x00"))
t("from-list", lambda: int.from_bytes([1, 2, 3], "big"))
t("from-bytearray", lambda: int.from_bytes(bytearray(b"\x01\x02"), "little"))
t("from-iter", lambda: int.from_bytes(iter([255, 1]), "little"))
t("from-memview", lambda: int.from_bytes(memoryview(b"\x02\x01"), "big"))
t("from-bad-item", lambda: int.from_bytes([256], "big"))
t("from-str", lambda: int.from_bytes("ab", "big"))
t("from-int", lambda: int.from_bytes(5, "big"))
t("from-kw", lambda: int.from_bytes(bytes=b"\x01", byteorder="big", signed=True))
t("from-bad-order", lambda: int.from_bytes(b"\x01", "x"))
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x01\x00", "big")
print(type(r).__name__, r)
r = bool.from_bytes(b"\x01", "big")
print(type(r).__name__, r)
r = bool.from_bytes(b"\x00\x00", "big")
print(type(r).__name__, r)
# round trips
x = 1
for i in range(200):
    x = x * 3 + i
    for s in (x, -x):
        nb = (s.bit_length() + 8) // 8
        for order in ("big", "little"):
            assert int.from_bytes(s.to_bytes(nb, order, signed=True), order, signed=True) == s
print("round trips ok", x.bit_length())
