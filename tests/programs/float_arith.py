print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1 / 3 * 3, 2 / 3, 10 / 4, -10 / 4, 1e10 / 3)
print(3.0 // 2, 3.5 % 1, -3.5 % 1, 2.0 ** 3, 2 ** 0.5, 1.5 ** 2)
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
inf = float("inf")
print(inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(int(2.5 * 4), 7 * 0.1, 0.1 * 7, 100 * 1.1)
print(float(2 ** 53) + 1, float(2 ** 53 + 1), 2 ** 53 + 1.0 == 2 ** 53)
print(1 == 1.0, 0.5 == 1 / 2, 3 < 3.5, -0.0 == 0.0)
print(sum([0.1] * 10) == 1.0, round(sum([0.1] * 10), 10))
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (-8.0) ** 0.5
except ValueError as e:
    print("ValueError:", e)
print(type((-8.0) ** 0.5 if False else 1.0).__name__)
print(10 ** 20 / 10 ** 10, 10 ** 400 // 10 ** 399, (10 ** 20) / 3)
