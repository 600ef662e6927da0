print(3 ** 200)
print((-2) ** 63, (-2) ** 64)
print(7 ** 0, 0 ** 5, 1 ** 1000)
print(-2 ** 2)
n = 2
for i in range(6):
    n = n ** 2
print(n)
