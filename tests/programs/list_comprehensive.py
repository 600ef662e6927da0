stack = []
for tok in "3 4 + 2 * 7 -".split():
    if tok.isdigit():
        stack.append(int(tok))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append({"+": a + b, "-": a - b, "*": a * b}[tok])
print(stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
alias = [[0] * 3] * 3
alias[1][1] = 5
print(alias)
lst = list(range(10))
print(lst[::3], lst[1::3], [x for i, x in enumerate(lst) if i % 4 == 0])
print(list(reversed(lst))[:3], lst.index(7), 11 in lst)
lst2 = lst + lst
print(len(lst2), lst2.count(3), sorted(set(lst2)) == lst)
print([1, [2, [3, [4]]]], str([None, True, 1.5, "s", b"b"]))
r = [1, 2]
r.append(r)
print(r)
