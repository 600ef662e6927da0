a = 3
b = 7
print(a < b, a > b, a <= 3, b >= 8, a == 3, a != 3)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1)
print(a < b and b < 10)
print("abc" == "abc", "abc" != "abd", "a" < "b")
print(10 ** 30 > 10 ** 29, -5 < -4)
