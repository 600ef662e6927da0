# complex numbers, float.hex/fromhex/as_integer_ratio, int.to_bytes/from_bytes,
# pow with a modular inverse, and format specs ('z', '0' with grouping, 'n').
vals = [1j, 2 + 3j, -1.5 - 0j, complex(0, -0.0), complex(-0.0, 1), complex(float("inf"), float("nan")),
        1e20 + 1e-5j, complex(1e16, 2.5)]
for v in vals:
    print(repr(v), v.real, v.imag, v.conjugate(), bool(v), abs(v))
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0.5, a ** b, 2 ** a, a + 1, 1.5 * a, -a)
print(a == 3 + 4j, a != b, 1 + 0j == 1, hash(1 + 0j) == hash(1), {1j: "j"}[1j])
print(complex("  ( -1.5e3-2J )  "), complex("j"), complex("-j"), complex(2), complex(2.5, 1),
      complex(1j, 1j), complex(real=1, imag=2), complex("1_0+2_0j"))
print((-8) ** (1 / 3), (-8.0) ** 0.5, type(1j).__name__)
for f in (lambda: 1j / 0, lambda: 0j ** -1, lambda: complex("1+"), lambda: 1j < 2j, lambda: float(1j)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
for x in (0.5, 1.5, -0.0, 1e300, 5e-324, 0.1, -3.75):
    print(x.hex(), x.as_integer_ratio(), float.fromhex(x.hex()) == x)
print(float.fromhex("0x1.8p1"), float.fromhex("1.8p1"), float.fromhex(" -inf "), float.fromhex("0x.8"))
print((255).to_bytes(2, "big"), (-1).to_bytes(2, "little", signed=True), (5).to_bytes())
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xfe", "big", signed=True))
for f in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: float("inf").as_integer_ratio()):
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(pow(3, -1, 7), pow(38, -1, 97), format(1234567, "012,d"), format(-1234567, "012,d"))
print(format(1234.5, "012,.1f"), format(-0.0001, "z.2f"), format(2.5, "n"), format(97, "n"))
try:
    format(5, "z")
except ValueError as e:
    print("ValueError:", e)
