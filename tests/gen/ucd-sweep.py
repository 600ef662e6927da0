# tests/gen/ucd-sweep.py: the unicodedata sweep, run under both
# interpreters by tests/gen/ucd-sweep.sh, which compares the outputs.
#
#   ucd-sweep.py digest            one line per (function, block of 4096
#                                  code points): a digest of its results
#   ucd-sweep.py detail F LO HI    the results of function F for LO..HI
#
# Functions: each unicodedata function over every code point, for the
# 14.0.0 module and the ucd_3_2_0 object (prefix "old."); name -> lookup
# round trips; normalize (four forms) of every code point alone, of every
# code point after 'a' and before U+0301, and of built strings (combining
# mark sequences, Hangul jamo runs, pairs of composable characters); the str
# methods that read the database (isnumeric, isdecimal, isdigit,
# isprintable, isidentifier, isalpha, isalnum, isspace, upper, lower,
# casefold, title, swapcase); "\N{name}" escapes of every name.
import hashlib
import sys
import unicodedata

BLOCK = 4096
MAXCP = 0x110000


def safe(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return "!" + type(e).__name__ + ":" + str(e)


def per_cp(db):
    return {
        "category": db.category, "bidirectional": db.bidirectional,
        "combining": db.combining, "east_asian_width": db.east_asian_width,
        "mirrored": db.mirrored, "decomposition": db.decomposition,
        "decimal": lambda c: db.decimal(c, None), "digit": lambda c: db.digit(c, None),
        "numeric": lambda c: db.numeric(c, None), "name": lambda c: db.name(c, None),
        "lookup": lambda c: safe(db.lookup, db.name(c, "x")),
        "NFC": lambda c: db.normalize("NFC", c), "NFD": lambda c: db.normalize("NFD", c),
        "NFKC": lambda c: db.normalize("NFKC", c), "NFKD": lambda c: db.normalize("NFKD", c),
        "NFC-ctx": lambda c: db.normalize("NFC", "a" + c + "\u0301"),
        "NFKD-ctx": lambda c: db.normalize("NFKD", "\u1100" + c + "\u0316"),
        "is_normalized": lambda c: (db.is_normalized("NFC", c), db.is_normalized("NFKD", c)),
    }


STR_METHODS = {
    "isnumeric": str.isnumeric, "isdecimal": str.isdecimal, "isdigit": str.isdigit,
    "isprintable": str.isprintable, "isidentifier": str.isidentifier,
    "isalpha": str.isalpha, "isalnum": str.isalnum, "isspace": str.isspace,
    "upper": str.upper, "lower": str.lower, "casefold": str.casefold,
    "title": str.title, "swapcase": str.swapcase,
}


def functions():
    fs = {}
    for k, f in per_cp(unicodedata).items():
        fs[k] = f
    for k, f in per_cp(unicodedata.ucd_3_2_0).items():
        fs["old." + k] = f
    for k, f in STR_METHODS.items():
        fs["str." + k] = f
    fs["N-escape"] = n_escape
    return fs


def n_escape(c):
    """"\\N{name}" (as written, and in lower case) through unicode_escape,
    which reads names as string literals do."""
    n = unicodedata.name(c, "")
    return (safe(lambda: ("\\N{%s}" % n).encode().decode("unicode_escape")),
            safe(lambda: ("\\N{%s}" % n.lower()).encode().decode("unicode_escape")))


def result(f, cp):
    return safe(f, chr(cp))


# Strings built from combining marks and Hangul jamo: index i -> a string.
MARKS = [0x300, 0x301, 0x302, 0x303, 0x308, 0x316, 0x323, 0x327, 0x328, 0x331, 0x345,
         0x5B0, 0x5B9, 0x5BC, 0x5C1, 0x5C2, 0x64B, 0x650, 0x651, 0x654, 0x655, 0x93C,
         0x9BE, 0x9D7, 0xB3E, 0xB56, 0xB57, 0xBBE, 0xBD7, 0xCC2, 0xCD5, 0xD3E, 0xDCF, 0xDDF,
         0xF71, 0xF72, 0xF74, 0xF80, 0x102E, 0x1B35, 0x302A, 0x3099, 0x309A, 0x1D165,
         0x1D16E, 0x110BA, 0x11127]
BASES = [0x41, 0x61, 0x45, 0x4F, 0x55, 0x3B1, 0x3B9, 0x3C9, 0x5D0, 0x5E9, 0x627, 0x648,
         0x915, 0x9C7, 0xB47, 0xBC6, 0xC46, 0xCCA, 0xD46, 0xDD9, 0xF40, 0x1025, 0x1B05,
         0x304B, 0x30AB, 0x110, 0x1E36, 0x212B, 0xC5, 0xE5, 0x1100, 0x1161, 0xAC00, 0xAC01,
         0x11A8, 0x1112, 0x1175, 0x11C2, 0xFB1D, 0x1D15F, 0x11099, 0x11131]
NBUILT = 1 << 20


def built(i):
    r = (i * 2654435761) & 0xFFFFFFFF
    b = BASES[r % len(BASES)]
    n = (r >> 8) % 6
    s = [b]
    x = r
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        if x & 0x100:
            s.append(BASES[(x >> 12) % len(BASES)])
        else:
            s.append(MARKS[(x >> 12) % len(MARKS)])
    return "".join(map(chr, s))


def built_funcs():
    fs = {}
    for db, pre in ((unicodedata, ""), (unicodedata.ucd_3_2_0, "old.")):
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            fs[pre + "built." + form] = (lambda d, f: lambda s: d.normalize(f, s))(db, form)
    return fs


def run_digest():
    out = sys.stdout
    for name, f in functions().items():
        for lo in range(0, MAXCP, BLOCK):
            h = hashlib.md5()
            for cp in range(lo, lo + BLOCK):
                h.update(result(f, cp).encode("utf-8", "surrogatepass"))
                h.update(b"\n")
            out.write("%s %d %s\n" % (name, lo, h.hexdigest()))
    for name, f in built_funcs().items():
        for lo in range(0, NBUILT // 16, BLOCK):
            h = hashlib.md5()
            for i in range(lo, lo + BLOCK):
                h.update(safe(f, built(i)).encode("utf-8", "surrogatepass"))
                h.update(b"\n")
            out.write("%s %d %s\n" % (name, lo, h.hexdigest()))


def run_detail(name, lo, hi):
    fs = functions()
    if name in fs:
        f = fs[name]
        for cp in range(lo, hi + 1):
            print("%X %s" % (cp, ascii(result(f, cp))))
    else:
        f = built_funcs()[name]
        for i in range(lo, hi + 1):
            print("%d %s %s" % (i, ascii(built(i)), ascii(safe(f, built(i)))))


if sys.argv[1] == "digest":
    run_digest()
else:
    run_detail(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
