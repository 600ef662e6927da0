def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(500))


def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves


m = hanoi(4, "A", "B", "C", [])
print(len(m), m[:5])


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20))


def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]


print(perms("abc"))
