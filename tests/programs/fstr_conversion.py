class T:
    def __str__(self):
        return "str-T"

    def __repr__(self):
        return "repr-T"

    def __format__(self, spec):
        return "format-T[" + spec + "]"


t = T()
print(f"{t} {t!s} {t!r} {t!a} {t:xyz} {t!s:>8} {t!r:<8}|")
print(f"{'snow☃'!a} {'q'!r:^7}")
print(f"{3.5!r} {3.5!s} {None!r}")
value = 12.3456
prec = 2
print(f"{value:.{prec}f} {value:{prec + 6}.{prec}f}")
print(f"{'{'} {'}'}")
print(f"{1:{'>'}{5}}")
print(f"""triple {value:.1f}
second line {t}""")
print(rf"raw\n{prec}", fr"{prec}\t")
