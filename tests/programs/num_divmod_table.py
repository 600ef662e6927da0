import math
nums = [0, 1, -1, 7, -7, 2**62, -2**62, 2**64 + 3, -(2**64) - 3, 10**25 + 1]
for a in nums:
    row = []
    for b in nums:
        try: row.append(divmod(a, b))
        except ZeroDivisionError: row.append('Z')
    print(a if abs(a) < 10**10 else 'big', row)
fl = [0.0, -0.0, 1.5, -1.5, 7.0, -7.0, 1e300, 1e-300, math.inf]
for a in fl:
    row = []
    for b in fl:
        try: row.append(divmod(a, b))
        except ZeroDivisionError: row.append('Z')
    print(a, row)
for a, b in ((7, 2.0), (-7, 2.0), (7.5, -2), (2**64, 0.5), (1, math.inf), (-1, math.inf), (0, -math.inf)):
    print(a, b, a // b, a % b, divmod(a, b))
