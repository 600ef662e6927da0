r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1], r[::2])
print(5 in r, 6 in r, 20 in r, r.index(11), r.count(8))
print(list(reversed(r)), sum(r), max(r), min(r))
print(range(0) == range(2, 2), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2))
print(list(range(10, 0, -2)), list(range(-5, -1)), len(range(0, -10, -3)))
print(range(10)[-3:], range(10)[100:], bool(range(0)), bool(range(1)))
big = range(10 ** 20)
print(len(big) if False else big[-1], 10 ** 19 in big)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r.index(7)
except ValueError as e:
    print("ValueError:", e)
