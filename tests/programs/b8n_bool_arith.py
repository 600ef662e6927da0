# bool in arithmetic: the result types and values of every operator with
# bools, ints and floats, bitwise ops staying bool, ~True, and bool's repr.
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
       ("**", lambda a, b: a ** b), ("&", lambda a, b: a & b), ("|", lambda a, b: a | b),
       ("^", lambda a, b: a ^ b), ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b),
       ("divmod", divmod), ("pow3", lambda a, b: pow(a, b, 3)), ("==", lambda a, b: a == b),
       ("<", lambda a, b: a < b), ("max", max), ("min", min)]
vals = [True, False, 1, 0, 2, -1, 1.0, 0.0, 2.5]
for name, f in ops:
    for a in vals:
        for b in vals:
            if not (isinstance(a, bool) or isinstance(b, bool)):
                continue
            try:
                r = f(a, b)
                print(repr(a), name, repr(b), "=", type(r).__name__, repr(r))
            except Exception as e:
                print(repr(a), name, repr(b), "!", type(e).__name__, e)
for v in [True, False]:
    print(repr(v), -v, +v, ~v, abs(v), int(v), float(v), str(v), hash(v), v.real, v.imag,
          v.numerator, v.denominator, v.bit_length(), v.conjugate(), type(-v).__name__,
          type(abs(v)).__name__, round(v), type(round(v)).__name__)
print(sum([True, True, False]), type(sum([True, False])).__name__)
print(True + True, True * 10, True / 2, True // 2, True ** 10, False ** 0)
print(True & 1, type(True & 1).__name__, True | False, type(True | False).__name__)
print(bool.__and__(True, False), bool.__or__(False, False), bool.__xor__(True, True))
print(bool.__and__(True, 3), int.__and__(True, True), type(int.__and__(True, True)).__name__)
print(f"{True:d} {True:5} {False!r} {True:>6} {True:.2f} {True:x}")
print("%d %s %r %i" % (True, True, False, False))
print(sorted([True, 0, False, 1, -1, 0.5]))
print({True: "a", 1: "b", 1.0: "c"})
print(isinstance(True, int), issubclass(bool, int), bool.__mro__)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(bool(), bool([]), bool([0]), bool(0.0), bool(-0.0), bool(float("nan")), bool(""), bool(" "))
print(True.__index__(), (5).__index__(), [10, 20, 30][True], "abc"[False])
