for x in (0, 1, -1, 2.5, -2.5, 3.5, 0.125, 1e20, -7.777):
    print(x, abs(x), round(x), round(x, 1), round(x, -1))
print(round(123456, -3), round(-123456, -3), round(5, 2), type(round(5, 2)).__name__)
print(divmod(7, 2), divmod(-7, 2), divmod(7.0, -2), divmod(0, 5))
print(pow(-2, 3), pow(2, -2), pow(3, 4, 5), pow(-3, 3, 7), pow(7, -1, 13))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    divmod(1, "2")
except TypeError as e:
    print("TypeError:", e)
