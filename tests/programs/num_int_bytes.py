for n in (0, 1, 255, 256, 65535, -1, -128, -129, 2**64 - 1, -(2**63), 10**30):
    out = []
    for length in (1, 2, 9, 13):
        for order in ('big', 'little'):
            for signed in (False, True):
                try: out.append(n.to_bytes(length, order, signed=signed).hex())
                except OverflowError as e: out.append('OF')
    print(n, out)
print((1024).to_bytes(2), (1024).to_bytes(length=3, byteorder='little'), (0).to_bytes(0, 'big'), (5).to_bytes())
for f in (lambda: (1).to_bytes(-1, 'big'), lambda: (1).to_bytes(1, 'middle'), lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (128).to_bytes(1, 'big', signed=True), lambda: (1).to_bytes(0, 'big'), lambda: (1).to_bytes('1', 'big')):
    try: print(f())
    except (ValueError, OverflowError, TypeError) as e: print(type(e).__name__, e)
for b in (b'', b'\x00', b'\xff', b'\x80\x00', b'\x00\x80', b'\xff' * 9, bytes(range(1, 20))):
    print(b.hex(), int.from_bytes(b, 'big'), int.from_bytes(b, 'little'), int.from_bytes(b, 'big', signed=True), int.from_bytes(b, byteorder='little', signed=True))
print(int.from_bytes(bytearray(b'\x01\x02')), int.from_bytes([1, 2, 3], 'little'), int.from_bytes((255,), 'big', signed=True), int.from_bytes(iter([7, 0]), 'little'))
for f in (lambda: int.from_bytes('ab', 'big'), lambda: int.from_bytes([256], 'big'), lambda: int.from_bytes(b'', 'sideways'), lambda: int.from_bytes(5, 'big')):
    try: print(f())
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
print(bool.from_bytes(b'\x01', 'big'), type(bool.from_bytes(b'\x00', 'big')).__name__, (True).to_bytes(1, 'big'))
for x in (0.5, -1.25, 3.0, 1e-3, 2.0**-1074, 1e300):
    n, d = x.as_integer_ratio(); print(x, n if abs(n) < 10**20 else 'big', d if d < 10**20 else d.bit_length(), n / d == x)
print((7).as_integer_ratio(), (-7).as_integer_ratio(), True.as_integer_ratio(), (10**30).as_integer_ratio()[1])
