# big-int arithmetic
t = 0
for rep in range(100):
    f = 1
    for i in range(1, 1400):
        f = f * i
    a, b = 0, 1
    for i in range(5000):
        a, b = b, a + b
    t += len(str(f)) + b % 1000000007 + f % 998244353
print(t)
