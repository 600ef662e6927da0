for a in (7, -7, 0, 13, -13):
    row = []
    for b in (1, 2, -2, 5, -5):
        row.append("%d//%d=%d %d%%%d=%d" % (a, b, a // b, a, b, a % b))
    print("; ".join(row))
big = 10 ** 25 + 7
for b in (3, -3, 10 ** 12, -(10 ** 12)):
    q, r = divmod(big, b)
    print(q, r, q * b + r == big)
print(divmod(-big, 7), (-big) // 7, (-big) % 7)
