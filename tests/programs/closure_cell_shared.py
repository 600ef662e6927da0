def pair():
    value = 0

    def get():
        return value

    def set_(v):
        nonlocal value
        value = v
    return get, set_


get, set_ = pair()
print(get())
set_(42)
print(get())
set_("x")
print(get())


def fib_memo():
    memo = {}

    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib


f = fib_memo()
print(f(50), f(80))


def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    y = 1
    return inner()


print(unbound())
