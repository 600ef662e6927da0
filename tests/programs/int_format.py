n = 1234567
for spec in ("", "d", "10d", "<10d", "^10d", "=+12,d", "_d", ",", "x", "#X", "o", "#o", "b", "#b", "e", ".2f", "%", "c" if False else "n", "012,d", "+08d", " d"):
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
print(format(0, "#x"), format(-255, "#x"), format(True, "d"), format(65, "c"))
print("{:,}".format(10 ** 20), "{:_x}".format(2 ** 40), "{:>+8}".format(5))
try:
    format(5, ".2d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(5, "z")
except ValueError as e:
    print("ValueError:", e)
