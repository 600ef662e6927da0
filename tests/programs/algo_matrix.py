def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def mat_pow(m, n):
    result = [[int(i == j) for j in range(len(m))] for i in range(len(m))]
    while n:
        if n & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        n >>= 1
    return result


fib = mat_pow([[1, 1], [1, 0]], 90)
print(fib[0][1])
print(mat_mul([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
identity = mat_pow([[2, 0], [0, 3]], 0)
print(identity)


def transpose(m):
    return [list(r) for r in zip(*m)]


print(transpose([[1, 2, 3], [4, 5, 6]]))


def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))


print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [2, 4]]))
