name = "world"
n = 42
pi = 3.14159265
print(f"hello {name}")
print(f"{n} {n:5d}|{n:<5}|{n:^7}|{n:>+6}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:.3g} {pi:%}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {n:08b}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n + 1} {n * 2} {[1, 2][0]} {'nested'}")
print(f"{{literal}} {{{n}}}")
w = 10
p = 3
print(f"{pi:{w}.{p}f}|")
print(f"{n=} {name=!r} {pi=:.1f}")
print(f"{'x':*^9}")
print(f"{-5:05d} {5:+d} {-5: d} {5: d}")
print(f"multi" f"part {n}" "plain")
d = {"k": "v"}
print(f"{d['k']}")
print(f"{3.0} {1e20} {1e-5} {0.1 + 0.2}")
