print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 16 == 1e16, 10 ** 23 == 1e23)
print(1 < 1.5 < 2, 10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 > float("inf"))
print(3 * 0.5, 7 // 2.0, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5, 1 / 2 ** 1074)
print(int(1e300) % 1000, float(10 ** 300) == 1e300, 10 ** 308 * 10 > 1e308)
print((7).__truediv__(2), (7).__floordiv__(2.0), round(7 / 2), round(10 ** 20 / 3))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), sorted([3, 1.5, 2, 0.5]))
print(hash(2 ** 61 - 1) == hash(float(2 ** 61 - 1)), hash(0.5) == hash(1 / 2))
print(sum([1, 2.5, 3]), sum([0.1, 0.2, 0.3]), type(sum([1, 2])).__name__)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))
