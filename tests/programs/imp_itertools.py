# itertools (the C module): every function, CPython's order and reprs.
import itertools as it
from itertools import *
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
print(repr(count(5)), repr(count(2, 3)), repr(count(1.5)), repr(repeat("a", 3)), repr(repeat(None)))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
print(list(repeat(7, 3)), list(repeat(1, -2)), list(map(pow, range(5), repeat(2))))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4], max, initial=2)), list(accumulate([], initial=9)), list(accumulate([])))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("AB", [1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice(range(10), 1, 9, 3)), list(islice("AB", 5, 9)))
for bad in [(-1,), (1, -1), (0, 1, 0), ("x",)]:
    try:
        islice("abc", *bad)
    except ValueError as e:
        print("ValueError:", e)
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, [[1, 5], (7, 2)])))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest("AB", range(3))), list(zip_longest()))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(list(product("AB", "xy")), list(product(range(2), repeat=3))[:4], len(list(product("ab", "cd", repeat=2))))
print(list(product()), list(product("ab", [])))
print(list(permutations("ABC", 2)), list(permutations(range(3))))
print(list(permutations("AB", 3)), list(permutations([], 0)), len(list(permutations(range(5)))))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("AB", 3)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")], [(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee("abc", 3)
print(list(x), list(z), list(y), tee("ab", 0))
print(type(count()).__name__, type(chain()), it.chain.__module__ if hasattr(it.chain, "__module__") else "")
try:
    combinations("abc")
except TypeError as e:
    print("TypeError:", e)
try:
    list(permutations("abc", -1))
except ValueError as e:
    print("ValueError:", e)
try:
    count("a")
except TypeError as e:
    print("TypeError:", e)
