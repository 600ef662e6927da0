big = 123456789012345678901234567890
neg = -98765432109876543210987654321
f = 1.5e300
tiny = 5e-324
z = (1+2j)
nz = -0.0
b = b'\x00\xffab'
t = (1, 'two', 3.0, None, True, ..., (4, 5))
s = 'caf\u00e9 \U0001f600'
if z in {1, 2, 3}:
    pass
if 'a' in frozenset():
    pass
