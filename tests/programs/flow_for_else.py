def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")


find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 0)
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally", n)
while True:
    n += 1
    if n > 5:
        break
else:
    print("never")
print("n", n)
for i in range(3):
    for j in range(3):
        if i == j == 1:
            break
    else:
        print("inner completed for i =", i)
        continue
    print("inner broke for i =", i)
