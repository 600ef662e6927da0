for x in (1e16, 1e-5, 0.1+0.2, 5e-324, -0.0, 1e22, 1e15, 123456789012345678.0, 0.0001, 1.5e300, float('inf'), -float('inf'), float('nan'), 2.0**0.5, 1/3, 100.0, 1e-7):
    print(repr(x), str(x), x.is_integer() if x == x and abs(x) != float('inf') else None)
for s in ('  1_0.5 ', 'inf', '-Infinity', 'nan', '1e500', '-1e500', '+.5', '5.', '1E3', ' -nAn ', 'iNF', '0x10' ):
    try: print(s, float(s))
    except ValueError as e: print(e)
for s in ('1__0', '', 'abc', '1e', '_1'):
    try: print(float(s))
    except ValueError as e: print(e)
print(float(10**20), float(True), float(), float(b'2.5'))
try: float(10**400)
except OverflowError as e: print(e)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (1e300).as_integer_ratio()[1])
try: float('inf').as_integer_ratio()
except OverflowError as e: print(e)
try: float('nan').as_integer_ratio()
except ValueError as e: print(e)
for x in (1.0, 0.1, -2.5, 0.0, -0.0, 1e300, 5e-324, float('inf')):
    print(x.hex())
for s in ('0x1.8p1', '-0x1p-1074', '0X1.FFFFFFFFFFFFFP+1023', 'inf', '0x.8', '1'):
    print(float.fromhex(s))
for x, n in ((2.675, 2), (0.5, 0), (1.5, 0), (2.5, None), (-0.5, None), (1234.5678, -2), (0.125, 2), (0.375, 2), (1e300, 2), (5e-324, 400), (3.14159, 3)):
    print(round(x, n) if n is not None else round(x))
print(round(2.5), round(3.5), round(-2.5), type(round(2.5)), type(round(2.5, 0)))
try: round(float('inf'))
except OverflowError as e: print(e)
try: round(float('nan'))
except ValueError as e: print(e)
for a in (7.5, -7.5, 0.0):
    for b in (2.0, -2.0, 0.3):
        print(a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5, 5 % -0.3, 1e308 * 10, -1e308 * 10)
for f in (lambda: 1.0 / 0, lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1.0, 0), lambda: 1 / 0, lambda: 0.0 ** -1, lambda: (-8.0) ** (1/3), lambda: 10.0 ** 400, lambda: 2 ** 10000 * 1.0, lambda: (-1.0) ** 0.5):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(2**53 + 1 == float(2**53 + 1), 2**53 == float(2**53), 10**400 > 1e308, -10**400 < -1e308, 10**400 < float('inf'), 1 < float('nan'), 2**63 == 2.0**63)
print(0.1 + 0.7, 1.1 * 3, 1e-320 / 10, 2.0 ** 1023 * 2, float('inf') - float('inf'))
print(hash(1.0), hash(0.5), hash(-0.5), hash(1e300), hash(float('inf')), hash(-float('inf')), hash(2.0**70), hash(1.1))
print(abs(-0.0), -(0.0), +(-0.0), 3.0.real, (3.5).imag, (3.5).conjugate())
print(max(1, 1.0), min(1.0, 1), 1 == 1.0, 0.1 * 3 == 0.3, float.__name__)
print(int(1e300) // 10**280)
print(f"{1e16}", str(1e16), 1e16 == 10**16, 9007199254740993 < 9007199254740992.0)
