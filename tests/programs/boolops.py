print(0 or 5, 3 or 4, 0 and 1, 2 and 9)
print(not 0, not 1, not True, not False)
print(True and False, True or False, False or False)
x = 10
if x > 5 and x < 20:
    print("in range")
if not x == 3 or x == 10:
    print("ok")
print(None or "default")
print("" or "empty")
