words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(words), sorted(words, key=len))
print(max(words, key=len), min(words))
print(" ".join(w[::-1] for w in words))
print({w: words.count(w) for w in words if words.count(w) > 1})
acc = ""
for i in range(5):
    acc += str(i)
print(acc, acc.isdigit(), int(acc) + 1)
print("a" in "cat", "at" in "cat", "" in "cat", "cat".count(""))
print(ord("a") + 1, chr(ord("a") + 1), [chr(c) for c in range(97, 102)])
print(str(123), str(-4.5), str(None), str(True), str([1, "a"]), str((1,)))
print("x".__len__(), "abc".__contains__("b"), "ab".__add__("c"))
print(hash("abc") == hash("ab" + "c"), "abc" != None)
print("Hello World".split("o"), "a b".split(" ", 0), "  x  ".split(" "))
print(" ".join(["%d" % i for i in range(3)]), "abc" * -1 == "")
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
