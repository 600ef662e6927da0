# format() over fill/align/sign/#/0/width/grouping/precision/type
ints = [0, 5, -5, 1234567, -1234567, 2**70]
floats = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e22, float("inf"), float("nan")]
for t in ["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%"]:
    for head in ["", "<", ">", "^", "=", "*^", "0"]:
        for sign in ["", "+", " ", "-"]:
            for alt in ["", "#"]:
                for width in ["", "12"]:
                    for group in ["", ",", "_"]:
                        spec = head + sign + alt + width + group + t
                        out = []
                        for v in ints[:4]:
                            try:
                                out.append(format(v, spec))
                            except Exception as e:
                                out.append(type(e).__name__ + ":" + str(e))
                        print(repr(spec), out)
for t in ["", "e", "E", "f", "F", "g", "G", "%", "n"]:
    for prec in ["", ".0", ".1", ".3", ".10"]:
        for extra in ["", "+", "z", "#", "012", "<12", ",", "_"]:
            spec = extra + prec + t
            out = []
            for v in floats:
                try:
                    out.append(format(v, spec))
                except Exception as e:
                    out.append(type(e).__name__ + ":" + str(e))
            print(repr(spec), out)
