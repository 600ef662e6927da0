# %-formatting over flags x width x precision x conversion
vals = {"d": [0, 7, -42, 10**20], "x": [0, 255, -255], "o": [0, 8, -8], "X": [3054],
        "e": [0.0, 1.5, -123.456, 1e-10], "f": [0.0, 2.5, -0.125, 1e20], "g": [0.0001, 123456789.0, -1e-5, 100.0],
        "s": ["ab", "é"], "r": ["ab"], "c": [65, "é"], "i": [3], "u": [-4], "E": [1234.5], "G": [1e20], "F": [1.0]}
for conv, vs in vals.items():
    for flags in ["", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "-#"]:
        for width in ["", "1", "8"]:
            for prec in ["", ".0", ".3"]:
                fmt = "%" + flags + width + prec + conv
                out = []
                for v in vs:
                    try:
                        out.append(fmt % v)
                    except Exception as e:
                        out.append(type(e).__name__)
                print(fmt, out)
