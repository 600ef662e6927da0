spellings = ['1', '-1', '+1.5', '.5', '5.', '1e5', '1E-5', '1_000.000_1', '  \t 3.25\n', 'inf', 'INF', '-inf', '+Infinity', 'iNfInItY', 'nan', '-NaN', '+nan', '1e308', '1e309', '-1e309', '2.5e-324', '2.4703282292062328e-324', '4.9e-324', '0x1p3', '1__0', '_1', '1_', '1e', 'e1', '1.2.3', '', ' ', 'infinit', 'nanx', '1,5', '١.٥', '0001.5000', '1e-400', '-0', '-0.0e-10', '9' * 400, '0.' + '0' * 400 + '1']
for s in spellings:
    try: print(repr(s)[:30], repr(float(s)))
    except ValueError as e: print(repr(s)[:30], 'ValueError', str(e)[:70])
print(float('  -12_34.5_6e-0_1 '), float('1' * 30), float('0.1' + '0' * 50 + '1'), float('123456789012345678901234567890e-10'))
class F:
    def __float__(self): return 1.25
class G:
    def __float__(self): return 1
class H:
    def __index__(self): return 3
print(float(F()), float(H()))
for o in (G(), [1.0], None, '1' * 0, 1j):
    try: float(o)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(float(10**308), float(-(10**308)), float(2**1024 - 2**971), float(2**1024 - 2**970 - 1))
try: float(2**1024 - 2**969)
except OverflowError as e: print(e)
print(float.fromhex('0x1.0000000000000p-1022') == 2.2250738585072014e-308, float('1.7976931348623158e308'), float('1.7976931348623159e308'))
