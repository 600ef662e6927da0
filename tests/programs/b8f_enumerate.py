# enumerate(): start=, keywords, big starts, errors, laziness
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(list(enumerate("abc")))
print(list(enumerate("abc", 1)))
print(list(enumerate("abc", start=-2)))
print(list(enumerate(iterable="ab", start=5)))
print(list(enumerate(iterable="ab")))
print(list(enumerate([], 3)))
print(list(enumerate("xy", 2**63 - 1)))
print(list(enumerate("xy", 2**100)))
print(list(enumerate("xy", -2**70)))
print(list(enumerate("ab", True)))
class Idx:
    def __index__(self):
        return 40
print(list(enumerate("ab", Idx())))
t(enumerate)
t(enumerate, "a", 1.5)
t(enumerate, "a", "1")
t(enumerate, "a", None)
t(enumerate, 5)
t(enumerate, "a", 1, 2)
t(enumerate, "a", begin=1)
t(enumerate, "a", start=1, iterable="b")
t(enumerate, start=1)
e = enumerate("abc")
print(type(e).__name__, iter(e) is e, next(e), next(e), next(e))
t(next, e)
for i, (a, b) in enumerate(zip("xy", "pq"), 1):
    print(i, a, b)
def gen():
    print("gen started")
    yield "g"
e2 = enumerate(gen())
print("made")
print(list(e2))
d = dict(enumerate("hello"))
print(d)
