def invert(x):
    return 1 / x


rows = [[1, 2], [4, 0]]
print([[invert(x) for x in row] for row in rows[:1]])
table = [[invert(x) for x in row] for row in rows]
