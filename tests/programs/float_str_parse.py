for s in ("1", "1.", ".5", "-.5", "1e5", "1E-5", " 3.25 ", "+7", "inf", "-Infinity", "nan", "1_000.5", "0x1p3"):
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
print(float("1" * 20), float("0." + "0" * 20 + "1"))
print(float(10 ** 20), float(-(2 ** 70)), float(True))
