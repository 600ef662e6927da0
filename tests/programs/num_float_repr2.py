import math
xs = [0.1, 0.2, 0.3, 1/3, 2/3, 1e22, 1e23, 1e-7, 1.5e-7, 123456789.123456789, 9007199254740993.0, 0.000123, 1e16, 1.2e16, 12345678901234567.0, 1e-5, 0.0001, 100.0, 1e21, 1e-323, 4.9406564584124654e-324, 2.2250738585072014e-308, math.pi * 1e100, math.e ** 30]
for x in xs:
    print(repr(x), str(-x), f'{x}', f'{x!r}', '%r' % x, '%s' % x, x.hex())
for i in range(-20, 25, 3):
    print(10.0 ** i, 2.0 ** (i * 5), 1.25 * 10.0 ** i, 7 / 10 ** abs(i))
print(float.fromhex('0x1p-1074'), float.fromhex('-0x1.fffffffffffffp+1023'), float.fromhex(' 0x1.8 '), float.fromhex('0x10'), float.fromhex('inf'), float.fromhex('-nan'))
for s in ('0x1p2000', 'zz', '0x'):
    try: print(float.fromhex(s))
    except (OverflowError, ValueError) as e: print(type(e).__name__, e)
print((1.5).hex(), (-0.1).hex(), (2.0**-1070).hex(), math.ulp(1.0).hex())
