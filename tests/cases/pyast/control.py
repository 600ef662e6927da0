def fib(n):
    if n < 2:
        return n
    elif n == 2:
        return 1
    else:
        return fib(n - 1) + fib(n - 2)

i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 7:
        break
else:
    pass
for k, v in d.items():
    print(k, v)
else:
    print("done")
