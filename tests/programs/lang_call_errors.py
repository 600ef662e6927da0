def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
tests = [
    "f(1, 2, 3, d=4)", "f(1, 2, c=3, d=4)", "f(1)", "f(1, 2, 3)", "f(1, 2, 3, 4)",
    "f(a=1, b=2, c=3, d=4)", "f(1, 2, 3, d=4, z=9)", "f(1, 2, 3, d=4, c=5)",
    "f(1, 2, 3, d=4, e=6)", "f()", "f(*[1, 2], **{'c': 3, 'd': 4})",
]
for t in tests:
    try:
        print(t, "->", eval(t))
    except TypeError as e:
        print(t, "-> TypeError:", e)
def g(x, *args, y, **kw):
    return x, args, y, kw
for t in ["g(1, 2, 3, y=4, z=5)", "g(y=1)", "g(1, 2)", "g(1, y=2, **{'y': 3})", "g(1, y=2, x=3)"]:
    try:
        print(t, "->", eval(t))
    except TypeError as e:
        print(t, "-> TypeError:", e)
class K:
    def m(self, a):
        return a
    @staticmethod
    def s():
        return 0
for t in ["K().m()", "K().m(1, 2)", "K.m(1)", "K().s(1)", "K(1)", "len()", "len(1, 2)",
          "int('x', 'y')", "print(sep=1)", "sorted([1], key=1)", "max()", "divmod(1)",
          "(lambda: 0)(1)", "(lambda x: 0)()", "dict(1)", "list(1, 2)", "isinstance(1)",
          "getattr(1)", "abs(1, 2)"]:
    try:
        print(t, "->", eval(t))
    except TypeError as e:
        print(t, "-> TypeError:", e)
