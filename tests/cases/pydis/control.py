i = 0
total = 0
while i < 100:
    i += 1
    if i % 3 == 0:
        continue
    elif i > 90:
        break
    total += i
else:
    total = -1
for k in range(5):
    total -= k
print(total if total > 0 else -total, i and total or None)
