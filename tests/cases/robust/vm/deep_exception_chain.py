e = None
for i in range(100000):
    try:
        try:
            raise ValueError(i)
        finally:
            pass
    except ValueError as x:
        x.__context__ = e
        e = x
n = 0
while e is not None:
    n += 1
    e = e.__context__
print(n)
