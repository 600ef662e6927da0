# all() and any(): short-circuiting, truth hooks, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for seq in ([], [0], [1], [1, 0], [0, 0], [1, 1], "", "a", (None,), {0: 1}, {1: 0},
            range(0), range(1, 5), [[], []], [[0]], set(), {0.0}, b"\x00", b""):
    print(repr(seq), all(seq), any(seq))

def gen(log):
    for x in (1, 2, 0, 3):
        log.append(x)
        yield x
log = []
print(all(gen(log)), log)
log = []
print(any(gen(log)), log)

class T:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
class L:
    def __len__(self):
        return 0
class BadBool:
    def __bool__(self):
        return 1
class Raise:
    def __bool__(self):
        raise RuntimeError("boom")
print(all([T(True), T(False), T(True)]))
print(any([T(False), T(True), T(False)]))
print(all([L()]), any([L()]))
t(all, [BadBool()])
t(any, [Raise()])
t(all)
t(any, 1)
t(all, [], [])
t(any, iterable=[])
t(all, None)
def bad():
    yield 1
    raise KeyError("inside")
t(all, bad())
t(any, bad())
print(all(x > 0 for x in range(1, 10)), any(x > 8 for x in range(9)))
