def check(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    return v


values = [3, 1, -4, 1]
print(sum(check(v) for v in values[:2]))
total = sum(check(v) for v in values)
