data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)
vals = []
it = iter(data)
while (v := next(it, None)) is not None:
    vals.append(v * 2)
print(vals)
print([y for x in data if (y := x * x) > 10])
print(y)


def first_big(xs):
    if any((hit := x) > 5 for x in xs):
        return hit
    return None


print(first_big(data), first_big([1, 2]))
print((a := 5) + a)
s = "key=value"
if (i := s.find("=")) >= 0:
    print(s[:i], s[i + 1:])
