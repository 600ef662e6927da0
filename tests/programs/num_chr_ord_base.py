for cp in (0, 9, 10, 32, 65, 127, 128, 255, 256, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff):
    c = chr(cp); print(cp, repr(c), ascii(c), ord(c), len(c), len(c.encode('utf-8')))
for v in (0, 1, -1, 7, -8, 255, -256, 2**31, -(2**63), 2**100 + 1, True):
    print(v, bin(v), oct(v), hex(v), format(v, 'b'), format(v, '#o'), format(v, 'X'), int(bin(v), 0) == v, int(hex(v), 16) == v, int(oct(v), 8) == v)
for f in (lambda: chr(1.5), lambda: chr(-1), lambda: chr(2**70), lambda: ord(''), lambda: ord('ab'), lambda: ord(5), lambda: bin('1'), lambda: oct(1.0), lambda: hex(None)):
    try: print(f())
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__, e)
print(ord('\x00'), ord('\uffff'), ord(bytearray(b'z')), chr(True), [chr(i) for i in range(97, 102)], ''.join(map(chr, [72, 105])))
