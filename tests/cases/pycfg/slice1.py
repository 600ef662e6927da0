x = 1 + 2
def f(n):
    if n < 2:
        return n
    return f(n-1) + f(n-2)
while x < 10:
    x += 1
print(x)
