vals = [0, 1, -1, 5, -5, 255, -256, 2**31, -2**31, 2**63 - 1, -2**63, 2**64 + 7, -(2**64) - 7, 2**100 - 1, -(2**100)]
for a in vals:
    print(a, [a & b for b in vals[:8]], [a | b for b in vals[8:]], [a ^ b for b in (3, -3, 2**70)])
    print(' ', ~a, a >> 1, a >> 65, a << 1, a << 64, -a >> 3, a.bit_length(), a.bit_count())
for a, k in ((1, 0), (-1, 100), (-7, 2), (7, 200), (-(2**70), 69), (-(2**70), 70), (-(2**70), 71), (2**70 + 1, 70)):
    print(a >> k, a << k >> k == a)
for f in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 << 2**70, lambda: 1 << 1.0, lambda: 1 & 1.0, lambda: ~1.5):
    try: print(f())
    except (ValueError, TypeError, OverflowError, MemoryError) as e: print(type(e).__name__, e)
print(0 >> 2**70, 5 >> 2**70, -5 >> 2**70, 0 << 2**70 if False else 0)
print((1 << 1000) >> 998, bin(-(2**40) & 0xFFFF_FFFF_FFFF), hex(~(2**80)), oct(-1 & 0o7777))
