vals = [0.1, 0.2, 0.1 + 0.2, 1.0, 1e16, 1e15, 123456789.0, 1e-4, 1e-5, 1.5e300,
        2.0 ** 0.5, 1 / 3, -0.0, 100.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e3"), float(" -2.5 "), float("1_0.5"), float(7))
print(0.1 * 3, 1.1 * 1.1, 3.0 * 1.1)
print(2.5.is_integer(), 3.0.is_integer(), (0.5).as_integer_ratio())
print(float.fromhex("0x1.8p1"), (1.5).hex())
print(1e308 * 10, -1e308 * 10)
print(float("nan") == float("nan"), float("inf") > 1e308)
