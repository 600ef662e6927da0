# inventory management
from math import ceil


class Item:
    def __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty

    def total(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, qty={self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, item):
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item

    def remove(self, name, qty):
        item = self.items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < qty:
            raise ValueError(f"not enough {name}: have {item.qty}, need {qty}")
        item.qty -= qty

    def value(self):
        return sum(i.total() for i in self.items.values())

    def report(self):
        lines = []
        for name in sorted(self.items):
            i = self.items[name]
            lines.append(f"{name:<10}{i.qty:>5} x {i.price:>7.2f} = {i.total():>9.2f}")
        return "\n".join(lines)


inv = Inventory()
inv.add(Item("apple", 0.5, 100))
inv.add(Item("pear", 0.75, 50))
inv.add(Item("melon", 3.2, 7))
inv.add(Item("apple", 0.5, 20))
print(inv.report())
print("value:", round(inv.value(), 2), ceil(inv.value()))
for name, qty in [("apple", 30), ("kiwi", 1), ("melon", 10)]:
    try:
        inv.remove(name, qty)
        print("removed", qty, name)
    except KeyError as e:
        print("no such item:", e)
    except ValueError as e:
        print("error:", e)
print(sorted(inv.items.values(), key=lambda i: i.total(), reverse=True))


def memo_fib():
    cache = {}

    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib


fib = memo_fib()
print([fib(i) for i in range(15)], fib(150))


def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


data = [(i * 37) % 101 for i in range(30)]
print(quicksort(data) == sorted(data) == merge_sort(data), quicksort(data)[:10])
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
counts = {}
for word in text.lower().replace(",", "").split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(top[:4], len(counts), max(counts, key=counts.get))
grid = [["." for _ in range(5)] for _ in range(3)]
grid[1][2] = "#"
print("\n".join("".join(row) for row in grid))
stack = []
for tok in "3 4 + 2 * 7 -".split():
    if tok.isdigit():
        stack.append(int(tok))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append({"+": a + b, "-": a - b, "*": a * b}[tok])
print(stack)
