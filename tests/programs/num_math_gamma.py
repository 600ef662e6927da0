import math
vals = [i / 7 for i in range(-60, 400)] + [150.5, 170.2, 171.7, -170.5, -180.3, 1e-25, -1e-25, 2**-1074, 1e6, -0.0]
for x in vals:
    out = []
    for f in (math.gamma, math.lgamma):
        try: out.append(f(x))
        except (ValueError, OverflowError) as e: out.append(type(e).__name__)
    print(x, *out)
