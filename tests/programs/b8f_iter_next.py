# iter() and next(): sentinel form, defaults, __iter__ = None, errors
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

it = iter([1, 2])
print(next(it), next(it), next(it, "end"), next(it, None))
t(next, it)
t(next, [1])
t(next, 1)
t(next)
t(next, it, 1, 2)
t(next, iterator=it)
t(iter)
t(iter, 1)
t(iter, None)
t(iter, 1, 2, 3)
t(iter, [], 2)
t(iter, "abc", "c")
t(iter, object=[])
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__,
      type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(3))).__name__,
      type(iter(b"")).__name__, type(iter(lambda: 1, 2)).__name__)

n = 0
def counter():
    global n
    n += 1
    return n
print(list(iter(counter, 5)))
ci = iter(counter, 7)
print(next(ci), next(ci), next(ci, "stop"), next(ci, "stop"))
vals = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(vals), 0)))
def stopper():
    raise StopIteration
print(list(iter(stopper, 1)))
def raiser():
    raise ValueError("from callable")
t(lambda: list(iter(raiser, 1)))
class EqAll:
    def __eq__(self, o):
        return True
print(list(iter(lambda: 1, EqAll())))

class NoIter:
    __iter__ = None
t(iter, NoIter())
t(list, NoIter())
t(lambda: [x for x in NoIter()])
class NoIterGetItem:
    __iter__ = None
    def __getitem__(self, i):
        return i
t(iter, NoIterGetItem())
class BadIter:
    def __iter__(self):
        return 1
t(iter, BadIter())
class IterNoNext:
    def __iter__(self):
        return self
t(iter, IterNoNext())
t(next, IterNoNext())
class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return i * i
si = iter(Seq())
print(type(si).__name__, list(si), next(si, "done"))
class SeqStop:
    def __getitem__(self, i):
        if i > 1:
            raise StopIteration
        return i
print(list(SeqStop()))
class Gen:
    def __iter__(self):
        yield from "gen"
print(list(Gen()), next(iter(Gen())))
def g():
    yield 1
    return "retval"
gi = g()
print(next(gi))
try:
    next(gi)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(gi, "dflt"))
class NextOnly:
    def __next__(self):
        return 1
t(iter, NextOnly())
t(next, NextOnly())
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("payload")
t(next, It())
print(next(It(), "x"))
