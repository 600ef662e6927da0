def attempt(src):
    try:
        a, b, c = src
        print("ok", a, b, c)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)


attempt([1, 2, 3])
attempt([1, 2])
attempt([1, 2, 3, 4])
attempt("ab")
attempt(x for x in range(5))
attempt(None)
attempt(3.5)
attempt({1: 2, 3: 4, 5: 6})
try:
    (a, *b), c = [], 1
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, *c, d = range(2)
except ValueError as e:
    print("ValueError:", e)
