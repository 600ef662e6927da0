import math
vals = [0.0, -0.0, 1.5, -2.25, 1e300, -1e-300, math.inf, -math.inf, 3, -7]
for a in vals:
    row = []
    for b in (2.0, -0.5, math.inf, -3):
        for op in (lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y, lambda x, y: x / y, lambda x, y: x // y, lambda x, y: x % y, lambda x, y: x ** y):
            try: row.append(op(a, b))
            except (ZeroDivisionError, OverflowError, ValueError) as e: row.append(type(e).__name__)
    print(a, row)
print(2.0 ** 0.5, (-2.0) ** 2, (-2.0) ** -1, 0.0 ** 0, math.inf ** 0, 1 ** math.nan, math.nan ** 0, (-8) ** (1/3))
for a, b in ((1e308, 10.0), (10.0, 400), (-10.0, 401), (2.0, -2000)):
    try: print(a ** b)
    except OverflowError as e: print(e)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, -0.0 // 1, 0.0 % -1, 1e-320 % 1e-300, 5 % 0.3, -5 % 0.3)
print(1 / 3 * 3 == 1.0, 0.1 + 0.2 == 0.3, 1e16 + 1 == 1e16, 3 * 0.1, 4.35 * 100, 1.1 ** 2)
print(float(2**53) == 2**53 + 1, 2**53 + 1 > float(2**53), float(2**53) < 2**53 + 1, 1e400 if False else 2**1024 > 1.7e308)
print(math.inf == math.inf, math.nan == math.nan, math.nan != math.nan, [math.nan] == [math.nan], math.inf > 10**400, -math.inf < -10**400)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100, 1e-100]), sum(x * 0.5 for x in range(10)), sum([1, 2.5, 3]))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1e300, 1e-300)[1], divmod(5, 2.5))
print(abs(-1e-320), float('-0.0'), -0.0 == 0.0, str(-0.0), repr(1e-310), 2.5e-308 / 10)
