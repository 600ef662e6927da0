vals = [0, 1, -1, 255, 3.5, -0.0, 1e100, 12345.6789, float("inf"), float("nan")]
for v in vals:
    print(repr(v), format(v, ""), format(v, ">12"), format(v, "<10.3") if isinstance(v, float) else format(v, "<10"))
for spec in ("", "10", "<10", ">10", "^10", "=+10", "010", ".3", "10.3", ".0f", ".10g", "g", "n", "e", "E", "%"):
    print(repr(spec), repr(format(2.5, spec)), repr(format(12345.678, spec)))
for spec in ("d", "5d", "-5d", "+d", ",d", "x", "#o", "c", "08_x"):
    print(repr(spec), repr(format(97, spec)))
for spec in ("s", "10s", ".2s", "^8.3s", ">5"):
    print(repr(spec), repr(format("abcdef", spec)))
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format("a", "d")
except ValueError as e:
    print("ValueError:", e)
