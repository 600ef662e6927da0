def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"


print([sign(v) for v in (-2, 0, 3)])
x = 5
print(0 < x < 10, 0 < x > 3, 1 < 2 > 1.5 == 1.5, 1 == 1.0 != 2)
print(x if x > 3 else -x, (lambda: 1 if False else 2)())
calls = []


def v(n):
    calls.append(n)
    return n


print(v(1) < v(2) < v(0) < v(5), calls)
print(v(0) or v(3) and v(4), calls)
print(not 0, not "x", not not [], 3 and 4, 0 and 4, None or "", "" or None)
print(1 if [] else 2, "a" < "b" < "c", [1] == [1] is not None)
