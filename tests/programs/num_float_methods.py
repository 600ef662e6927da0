import math
for x in (0.0, -0.0, 1.0, -2.5, 3.75, 1e300, 5e-324, 2.0**53, 0.1):
    print(x.is_integer(), x.hex(), float.fromhex(x.hex()) == x, x.as_integer_ratio()[0] % 1000, x.real, x.imag, x.conjugate(), x.__trunc__(), math.floor(x), math.ceil(x))
print(float.fromhex('0x1.921fb54442d18p+1') == math.pi, (0.5).__float__(), (2.5).__int__(), (-2.5).__floor__(), (-2.5).__ceil__(), (7.0).__round__() if False else round(7.0))
print(float.is_integer(2.0), float.hex(1.0), float.__name__, type(1.0).__name__, isinstance(1.0, float), float('1') is not float('1') or True)
print(max(0.0, -0.0), min(0.0, -0.0), math.copysign(1, max(-0.0, 0.0)), sorted([0.0, -0.0, -0.0, 0.0]), -0.0 in [0.0], [0.0].index(-0.0))
print(float(True), float(' 7 '), float(2**63), float(-2**63), 1e23 == 10**23, 1e22 == 10**22, 9007199254740993 == 9007199254740992.0)
for v in (1e16, 1e15, 123456789.0, 0.000001, 1e-7, 1.5e-5):
    print(v, str(v), repr(v), '%s' % v, '{}'.format(v), f'{v:g}', f'{v:e}', f'{v:.3}', f'{v:r}' if False else '')
