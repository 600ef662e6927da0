from math import pi
data = [5, 3, 8, 1, 9, 2]
print(sorted(data), data[::-1], data[1:4], min(data), max(data), sum(data) / len(data))
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
matrix = [[i * j for j in range(4)] for i in range(4)]
print(matrix, [row[2] for row in matrix], list(zip(*matrix))[1])
print(list(enumerate("abc", 1)), dict(zip("abc", range(3))))
s = "Hello"
print(s.lower(), s * 2, s[1:-1], f"{s!r:>10}", f"{pi:.3f}", f"{12345:08,d}" if False else f"{12345:,}")
print(divmod(17, 5), 17 // 5, 17 % 5, -17 // 5, -17 % 5, 2 ** 10, 2 ** -2, abs(-3.5))
print(bool([]), bool([0]), None is None, 1 == 1.0, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
x = 10
x //= 3
x **= 2
x -= 1
print(x, int("101", 2), hex(255), oct(8), bin(10), chr(65), ord("a"), round(3.14159, 2))
a, *b, c = range(6)
print(a, b, c)
print(all(n > 0 for n in data), any(n > 8 for n in data), [n for n in data if n % 2])
nested = {"a": {"b": [1, {"c": 2}]}}
print(nested["a"]["b"][1]["c"], len(nested), list(nested), "a" in nested)
t = tuple(range(5))
print(t, t.index(3), t.count(1), t[-2:], type(t).__name__, isinstance(t, (list, tuple)))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(25), str(fact(30))[:5], len(str(fact(100))))
print(" ".join(map(str, range(5))), list(map(lambda v: v * 2, [1, 2])), sum(range(101)))
lst = [3, 1, 2]
lst.sort()
lst.insert(0, 0)
lst.extend([9, 8])
lst.remove(9)
print(lst, lst.pop(), lst.pop(0), lst, lst.index(2), lst.count(1), lst.copy(), list(reversed(lst)))
print(1 < 2 < 3, 3 > 2 > 2, not 0, 5 if 0 else 6, [] or "empty", 0 and 1, 2 and 3)
print(max("apple", "banana", key=len), min([3, 1, 2], default=0), sorted("bca"), "".join(sorted("bca")))
print(isinstance(True, int), type(1.0), type("s"), type(None), type([]), str(type(1)))
print(repr(1.0), repr(0.1), repr(1e100), repr(-0.0), 1.0 / 3, 2 / 3, 100.0, 1e21, 1.5e-7)
print(int(1e18), float(2 ** 53 + 1), 10 ** 18 * 1.0, round(0.5), round(1.5), round(-0.5), round(2.675, 2))
