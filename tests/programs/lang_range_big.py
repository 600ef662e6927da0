big = range(10 ** 20)
print(big, big[-1], big[0], 10 ** 19 in big, -1 in big, 10 ** 20 in big, bool(big))
try:
    len(big)
except OverflowError as e:
    print("OverflowError:", e)
r = range(-10 ** 30, 10 ** 30, 10 ** 29)
print(r, len(r), r[5], r[-1], r[3:7], r[::-5], r.index(10 ** 29), r.count(0), r.count(1))
print(list(r[2:6]), list(reversed(r[2:6])), sum(r))
print(range(2 ** 64, 2 ** 64 + 5) == range(2 ** 64, 2 ** 64 + 5), range(2 ** 64, 2 ** 64 + 5) == range(5))
print(hash(range(2 ** 70, 2 ** 70 + 3)) == hash(range(2 ** 70, 2 ** 70 + 3, 1)))
print(list(range(2 ** 63 - 2, 2 ** 63 + 2)), list(reversed(range(2 ** 63 - 2, 2 ** 63 + 2))))
it = iter(range(10 ** 20, 10 ** 20 + 3))
print(type(it).__name__, next(it), next(it), next(it), next(it, "done"))
print(type(iter(range(3))).__name__, type(reversed(range(3))).__name__)
print(r.start, r.stop, r.step, big.stop)
try:
    big[10 ** 20]
except IndexError as e:
    print("IndexError:", e)
try:
    r.index(1)
except ValueError as e:
    print("ValueError:", e)
print(3.0 in range(5), 5.0 in range(5), range(5).index(2.0), range(5).count(True))
try:
    range(5).index("x")
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    range(5)[1.5:]
except TypeError as e:
    print("TypeError:", e)
print(range(10)[::-1], range(10)[2:8:3], range(0, 10, 3)[-1:0:-1], range(5)[10 ** 30:], range(5)[-10 ** 30:])
print(list(range(10 ** 18, 10 ** 18 + 30, 10)), range(-5)[:], range(2 ** 63 - 1)[-1])
x = range(-2 ** 63, 2 ** 63 - 1)
print(x[-1], x[0], x[2 ** 63])
try:
    print(len(x))
except OverflowError as e:
    print("OverflowError:", e)
