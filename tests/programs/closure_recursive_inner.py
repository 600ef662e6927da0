def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


print(make_fact()(20))


def tree_sum(tree):
    total = 0

    def walk(node):
        nonlocal total
        if isinstance(node, list):
            for child in node:
                walk(child)
        else:
            total += node
    walk(tree)
    return total


print(tree_sum([1, [2, 3, [4, [5]]], 6]))


def counter_factory():
    counts = {}

    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts


count, counts = counter_factory()
for w in "a b a c a b".split():
    count(w)
print(counts)
