a, *b = c
for i, (j, *k) in items:
    pass
[p, q] = r
