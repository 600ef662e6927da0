def power_set(items, i=0, cur=None, out=None):
    if cur is None:
        cur = []
    if out is None:
        out = []
    if i == len(items):
        out.append(list(cur))
        return out
    power_set(items, i + 1, cur, out)
    cur.append(items[i])
    power_set(items, i + 1, cur, out)
    cur.pop()
    return out


for s in power_set([1, 2, 3]):
    print(s)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3))
print(ackermann(1, 5))
