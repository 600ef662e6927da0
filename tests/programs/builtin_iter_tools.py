print(list(enumerate("abc")), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "hi")))
print(list(filter(None, [0, 1, "", "x", None, []])), list(filter(str.isdigit, "a1b2")))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("abc")))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 2 for x in range(4)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
r = range(10, 0, -3)
print(list(r), len(r), r[1], r[-1], r.index(4), 7 in r, r.count(10))
print(range(5), range(1, 5), range(1, 5, 2), range(0), list(range(-3)))
print(range(0, 10)[2:5], range(10)[::-2])
print(sum(range(101)), sum([1.5, 2.5]), sum([[1], [2]], []), sum((), 7))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
e = enumerate("xy")
print(next(e), next(e))
z = zip("ab", [1, 2, 3])
print(list(z))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print("ValueError:", e)
