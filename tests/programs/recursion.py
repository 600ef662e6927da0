def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def hanoi(n):
    if n == 0:
        return 0
    return 2 * hanoi(n - 1) + 1


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print(fact(25))
print(gcd(1071, 462), gcd(17, 5))
print(hanoi(20))
print(ack(2, 3))
