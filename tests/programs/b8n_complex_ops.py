# complex: repr of every sign/zero/inf/nan combination, arithmetic with
# ints/floats/bools, division (and by zero), pow (int and complex exponents,
# 0 ** negative), abs overflow, comparisons, hash, attributes, errors.
INF = float("inf")
NAN = float("nan")
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)
parts = [0.0, -0.0, 1.0, -1.5, 1e300, 1e-300, INF, -INF, NAN, 2.5e16, 123456789.0]
for a in parts:
    for b in parts:
        z = complex(a, b)
        print(repr(z), str(z), format(z, ""), hash(z) if z == z else "nan-hash")
zs = [1j, 1 + 2j, -3 - 4j, 0j, complex(-0.0, -0.0), 1e308 + 1e308j, complex(INF, 0), 0.5 - 0.25j]
others = [2, -3, 0, True, 2.5, -0.0, 1e-320, 3 + 0j]
for z in zs:
    for o in others:
        t(("add", z, o), lambda: (z + o, o + z))
        t(("sub", z, o), lambda: (z - o, o - z))
        t(("mul", z, o), lambda: (z * o, o * z))
        t(("div", z, o), lambda: z / o)
        t(("rdiv", z, o), lambda: o / z)
        t(("eq", z, o), lambda: (z == o, z != o))
for z in zs:
    for e in [0, 1, 2, 3, -1, -2, 10, 0.5, 2.0, 1j, 1 + 1j, 0j, 100]:
        t(("pow", z, e), lambda: z ** e)
t("0**-1", lambda: 0j ** -1)
t("0**(-1+0j)", lambda: 0j ** (-1 + 0j))
t("0**1j", lambda: 0j ** 1j)
t("0**0", lambda: 0j ** 0)
t("big pow", lambda: (1e200 + 1e200j) ** 2)
t("abs", lambda: abs(3 + 4j))
t("abs big", lambda: abs(1e308 + 1e308j))
t("abs inf nan", lambda: abs(complex(INF, NAN)))
t("abs nan", lambda: abs(complex(NAN, 1)))
t("lt", lambda: 1j < 2j)
t("floordiv", lambda: 1j // 2)
t("mod", lambda: 1j % 2)
t("divmod", lambda: divmod(1j, 2))
t("int", lambda: int(1j))
t("float", lambda: float(1j))
t("neg", lambda: (-(1 + 2j), +(1 - 2j), -complex(0.0, 0.0)))
t("conj", lambda: (1 + 2j).conjugate())
t("attrs", lambda: ((3 + 4j).real, (3 + 4j).imag))
t("bool", lambda: (bool(0j), bool(1e-300j), bool(complex(NAN, 0))))
t("ctor", lambda: (complex(), complex(2), complex(2, 3), complex("1+2j"), complex(" -1.5e3-2J "),
                   complex(1j, 1j), complex(real=1, imag=2), complex("inf-nanj")))
t("ctor bad", lambda: complex("1+2"))
t("ctor bad2", lambda: complex("1", 2))
t("ctor bad3", lambda: complex(None))
t("hash eq", lambda: (hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(-1 + 0j)))
t("hash j", lambda: (hash(1j), hash(-1j), hash(1 + 1j), hash(complex(1e300, -1e300))))
t("mul inf", lambda: complex(INF, 0) * complex(0, 1))
t("div inf", lambda: (1 + 1j) / complex(INF, INF))
t("div tiny", lambda: (1 + 1j) / complex(1e-320, 1e-320))
t("div big", lambda: (1e308 + 1e308j) / (1e308 + 1e308j))
for base in [complex(INF, 0), complex(0, INF), complex(1e-200, 0), complex(1e-200, 1e-200),
             complex(NAN, 0), complex(1e200, 1e200), complex(-0.0, 0.0), 1e-310 + 0j]:
    for e in [1, 2, 3, 0.5, -1, 1.5, 2j, -0.5, 300.0, 101]:
        t(("powx", base, e), lambda: base ** e)
