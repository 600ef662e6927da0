def f():
    a = 1
    b = 2
    class C:
        b = 3
        c = a + b
        def m(self):
            return a, b
    return C
