x = 42
s = "str"
print(f"{x:{'0'}{5}}", f"{x:#0{8}x}", f"{s!r:^{x // 6}}|")
print(f"{x}" f"{x}" "{x}")
print(f"{'nested ' + f'{x:>4}'}")
print(f"{x if x else 0}", f"{(x, s)}", f"{[i for i in range(3)]}")
print(f"{x:,}", f"{-x:+}", f"{x / 7:.3}", f"{1e-8:f}", f"{12345.6789:_.2f}")
d = {"key": "value"}
print(f"{d['key']!r:>10}", f"{len(d)}")
print(f"{3:b}{4:o}{255:X}")
print(f"{'tab'}\t{'nl'}\\n")
print(f"{x!s:*>6}")
print(F"upper {x}", fR"{x}\n")
