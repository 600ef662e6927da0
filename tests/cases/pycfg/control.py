for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i)
else:
    print("done")
n = 0
while True:
    n += 1
    if n > 5:
        break
while n:
    n -= 1
else:
    pass
if a and (b or c):
    pass
elif not d:
    x = 1
else:
    x = 2
assert n == 0, "n must be zero"
assert n
