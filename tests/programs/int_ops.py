print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(17, 5), divmod(-17, 5))
print(2 ** 10, 2 ** -1, (-2) ** 3, 0 ** 0)
print(7 / 2, 6 / 3, -1 / 3)
print(1 << 5, 1024 >> 3, -16 >> 2, 5 & 3, 5 | 3, 5 ^ 3, ~5)
print(int("ff", 16), int("0x1f", 0), int("0b101", 0), int("  42  "), int("-7"), int("1_000"))
print(int(3.9), int(-3.9), int(True), int("z", 36))
print(abs(-5), -(-5), +5)
print((5).bit_length(), (0).bit_length(), (-8).bit_length())
print(True + True, True * 10, False - 1)
print(10 == 10.0, 1 == True, hash(10) == hash(10.0))
print(round(15, -1), round(25, -1), round(1234, -2))
print(int.__name__, isinstance(True, int), type(1 // 1).__name__, type(1 / 1).__name__)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
