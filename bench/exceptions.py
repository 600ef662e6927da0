# exceptions in loops
def check(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i


caught = 0
total = 0
for i in range(800000):
    try:
        total += check(i)
    except ValueError:
        caught += 1
    finally:
        total += 1
print(caught, total)
