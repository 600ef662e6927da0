nums = [5, -3, 8, 0, -1, 7]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs))
nums.sort(key=lambda x: -x)
print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.lower, reverse=True))
recs = [("bob", 3), ("ann", 3), ("cy", 1), ("dee", 2)]
recs.sort(key=lambda r: r[1])
print(recs)
recs.sort(key=lambda r: r[1], reverse=True)
print(recs)
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
lst = [3, 2, 1]
r = lst.sort()
print(r, lst)
big = [(i * 7919) % 1000 for i in range(50)]
print(sorted(big)[:10], sorted(big)[-3:])
