items = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10, 1)]
for name, price, qty in items:
    print(f"{name:<10}|{price:>8.2f}|{qty:>4}|{price * qty:>9.3f}")
print(f"{'total':<10}|{sum(p * q for _, p, q in items):>22.2f}")
width = 12
for align in "<^>":
    print(f"[{'mid':{align}{width}}]")
obj = {"a": [1, 2, {"b": "deep"}]}
print(f"{obj['a'][2]['b'].upper()}")
print(f"{'yes' if len(items) > 2 else 'no'}")
print(f"{', '.join(f'{n}={q}' for n, _, q in items)}")
print(f"{(lambda x: x * 2)(21)}")
print(f"{3 + 4 =}")


class P:
    def __format__(self, spec):
        return "P<" + spec + ">"


print(f"{P()} {P():abc}")
print(f"{P():{'dyn'}}")
