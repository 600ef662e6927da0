# Subclasses of int, float and complex: arithmetic returns the base type,
# reflected and in-place operators, __pow__ with a modulus, overriding one
# operator, bool/str/repr/hash/format of instances, and constructor forms.
class I(int):
    def __repr__(self):
        return "I(%d)" % int(self)
class F(float):
    pass
class C(complex):
    pass
class Odd(int):
    def __add__(self, o):
        return "Odd.add"
    def __radd__(self, o):
        return "Odd.radd"
    def __pow__(self, o, m=None):
        return ("Odd.pow", o, m)
vals = [I(7), F(2.5), C(1, 2), Odd(3), I(-4)]
plain = [2, 2.5, 1j, True]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
       ("**", lambda a, b: a ** b), ("&", lambda a, b: a & b), ("<<", lambda a, b: a << b),
       ("pow3", lambda a, b: pow(a, b, 5)), ("divmod", divmod)]
for v in vals:
    for p in plain:
        for name, f in ops:
            for a, b in ((v, p), (p, v)):
                try:
                    r = f(a, b)
                    print(repr(a), name, repr(b), "=", type(r).__name__, repr(r))
                except Exception as e:
                    print(repr(a), name, repr(b), "!", type(e).__name__, e)
for v in vals:
    print(repr(v), str(v), type(-v).__name__, type(abs(v)).__name__, type(+v).__name__,
          hash(v) == hash(v.real if isinstance(v, complex) and not v.imag else v), bool(v),
          format(v, ""), type(v).__mro__[1].__name__)
x = I(5)
x += 1
print(type(x).__name__, x)
y = F(1.5)
y *= 2
print(type(y).__name__, y)
print(I("12"), I("ff", 16), F("1e3"), C("1+2j"), I(3.9), F(7), C(1.5), C(real=2, imag=-1))
print(I.__pow__(I(3), 4, 5), int.__pow__(Odd(3), 2, 5), Odd.__pow__(Odd(3), 2, 5))
print(pow(I(3), I(4), I(5)), type(pow(I(3), I(4), I(5))).__name__)
print(pow(F(2.0), 3), type(pow(F(2.0), 3)).__name__)
print(I(10).bit_length(), I(10).to_bytes(2, "big"), I.from_bytes(b"\x01\x02", "big"),
      F(0.5).as_integer_ratio(), F.fromhex("0x1p-2"), type(F.fromhex("0x1p-2")).__name__)
