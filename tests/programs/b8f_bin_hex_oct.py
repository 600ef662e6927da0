# bin(), hex(), oct(): ints, bools, big values, __index__, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in (0, 1, -1, 255, -255, 2**64, -2**64, 2**100 + 1, True, False, 10**30):
    print(bin(x), oct(x), hex(x))
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
class BadIdx:
    def __index__(self):
        return "no"
class IntSub(int):
    pass
for f in (bin, oct, hex):
    t(f, Idx(10))
    t(f, Idx(-2**70))
    t(f, BadIdx())
    t(f, 1.5)
    t(f, "10")
    t(f, None)
    t(f)
    t(f, 1, 2)
    t(f, x=1)
    t(f, IntSub(12))
    t(f, 1j)
print(int(bin(12345), 0), int(oct(12345), 0), int(hex(12345), 0))
print(int(bin(-12345), 2), int(oct(-8), 8), int(hex(-255), 16))
print(type(hex(IntSub(3))).__name__)
