def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
def outer():
    def rec(k):
        return rec(k - 1) if k else 0
    return rec
