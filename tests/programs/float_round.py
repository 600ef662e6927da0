for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456):
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(1234.5678, -2), round(-0.4), round(0.4999999999))
print(int(2.9), int(-2.9), 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(2 ** 0.5, 10 ** -2, 4 ** 0.5, (-8) ** (1 / 3) if False else 8 ** (1 / 3))
print(abs(-2.5), max(1.5, 2), min(1, 1.0), sum([0.1] * 10))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
