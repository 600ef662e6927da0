total = 0
for i in range(10):
    total = total + i
print(total)
for i in range(3, 8):
    print(i)
for i in range(10, 0, -3):
    print(i)
for i in range(0):
    print("never")
for i in range(2, 20, 5):
    print(i, i * i)
