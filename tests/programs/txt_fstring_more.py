import math
x, y, name, items = 3.14159, -7, "Ada", [1, 2, 3]
d = {"k": "v", 1: "one"}
print(f"{x:.2f} {x:10.3e} {x:<10g}| {y:+05d} {y:x} {y:#b}")
print(f"{name!r:>10} {name!s:^9} {name!a} {name:.1}")
print(f"{items} {items[0]} {items[-1]:03d} {d['k']} {d[1]}")
print(f"{x=}", f"{y = }", f"{name=!r}", f"{x=:.1f}", f"{items[1]=}")
print(f"{'nested {braces}'}", f"{{literal}}", f"{'}'}{'{'}")
w, p = 12, 3
print(f"{x:{w}.{p}f}|{name:{'*'}^{w}}|{y:{'+' if y > 0 else ' '}}")
print(f"{math.pi:.10f} {math.e!r} {1/3:.20}")
print(f"{'é':é<4}|{'😀':>3}|{'ab':_^6}")
print(f"{3+4j} {3+4j:.1f} {1e300*10} {-0.0} {float('nan'):>6}")
print(f"{12345678:,} {12345678:_} {0xdeadbeef:_x} {255:#X} {1234.5:,.2f}")
print(f"{True} {True:d} {None!r} {...}")
print(f"{x if x > 3 else y} {[i*i for i in range(4)]} {(lambda v: v * 2)(21)}")
print(f"""{name
}""", f'{"q"}', f"{'q'!r}")
print(f"{b'bytes'} {bytearray(b'ba')} {b'x'!r}")
print(F"upper F {name}", rf"raw \n {name}", fr"{name}\t")
print(f"{x:%}", f"{0.5:.0%}", f"{1e-5:g}", f"{1e16:g}", f"{123456789:e}")
class C:
    def __format__(self, spec):
        return f"C({spec!r})"
print(f"{C()} {C():abc} {C():{w}}")
try:
    f"{x:Q}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{name:d}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{items:>5}"
except TypeError as e:
    print("TypeError", e)
