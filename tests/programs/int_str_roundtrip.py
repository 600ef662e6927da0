vals = [0, 7, -7, 10 ** 18, -(10 ** 18), 2 ** 63, 2 ** 64 - 1, -(2 ** 63), 3 ** 80]
for v in vals:
    s = str(v)
    assert int(s) == v
    print(s, len(s), int(hex(v), 16) == v, int(bin(v), 0) == v, int(oct(v), 8) == v)
print(int("0" * 30 + "5"), int("-0"), int("+0"))
print(sum(int(c) for c in str(2 ** 1000)))
print(str(2 ** 200)[:20], str(2 ** 200)[-20:])
