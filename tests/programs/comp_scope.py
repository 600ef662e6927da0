def f():
    n = 3
    return [i * n for i in range(n)]


print(f())


class C:
    base = 10
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)


print(C.vals, C.err)
total = 0
res = [total := total + x for x in range(5)]
print(res, total)
print([[j for j in range(i)] for i in range(4)])
i = "kept"
_ = [i for i in range(3)]
print(i)
g = {k: [k * m for m in range(2)] for k in "ab"}
print(g)
