d = {}
for i in range(100000):
    d = {1: d}
print(repr(d)[:10])
