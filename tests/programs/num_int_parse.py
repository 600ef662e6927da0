cases = ['0', '-0', '+17', '  42  ', '\t\n7\x0b', '1_000_000', '0x_ff', '0b1_0', '0o_7', '00', '000_0', '09', '1__0', '_1', '1_', '0x', '0b2', '', ' ', '-', '+-1', '12 34', '١٢٣', '٣_٤', '12e3', '1.0', 'ⅷ', '0X1F', '0B11', '0O17', 'z', 'Z']
for s in cases:
    out = []
    for base in (10, 0, 16, 36, 2):
        try: out.append(int(s, base))
        except ValueError as e: out.append('E:' + str(e)[:60])
    print(repr(s), out)
for b in (-1, 1, 37, 0.0):
    try: int('1', b)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
for v in (3.99, -3.99, 1e19, -1e19, 2.0**100, -0.0, 5e-324, True, False):
    print(v, int(v))
for v in (float('inf'), float('-inf'), float('nan')):
    try: int(v)
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
class A:
    def __int__(self): return 7
class B:
    def __index__(self): return 8
class C(int):
    pass
class D:
    def __int__(self): return 'x'
print(int(A()), int(B()), int(C(9)), int('12', base=B()))
for o in (D(), [1], {}, None, 1j):
    try: int(o)
    except TypeError as e: print(e)
try: int(5, base=10)
except TypeError as e: print(e)
try: int(x='5')
except TypeError as e: print(e)
print(int(bytearray(b' 12 ')), int(b'0x1f', 16), int(b'-7'))
try: int(b'1.5')
except ValueError as e: print(e)
print(int('-' + '9' * 30) % 97, int('ZZZZZZZZZZZZZZZZ', 36), int('1' * 64, 2), int('7' * 40, 8) % 1000)
