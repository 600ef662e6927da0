a = 10
b = 0
c = 3
print(a + c)
result = a * c + a // b - c
