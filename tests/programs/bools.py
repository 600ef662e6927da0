print(True, False)
print(1 == 1, 1 == 2)
t = 3 > 2
print(t, not t)
print(True + True, True * 10, False - 1)
print(True == 1, False == 0)
