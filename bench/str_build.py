# string building and methods
parts = []
for i in range(400000):
    parts.append(str(i))
s = ",".join(parts)
n = 0
for p in s.split(","):
    if p.startswith("9"):
        n = n + 1
print(len(s), n, s.upper()[:10], s.replace("1", "x").count("x"))
