class B:
    def __init__(self, b): self.b = b
    def __bool__(self): return self.b
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Both:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), len(Both()))
print("yes" if L(1) else "no", not L(0), B(False) or "alt", L(2) and "both")
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class FloatLen:
    def __len__(self): return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print("TypeError:", e)
class HugeLen:
    def __len__(self): return 2 ** 70
try:
    len(HugeLen())
except OverflowError as e:
    print("OverflowError:", e)

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), sorted(Seq(), reverse=True), [x for x in Seq()])
it = iter(Seq())
print(next(it), next(it), type(it).__name__)

class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), sum(Countdown(4)), max(Countdown(5)), tuple(Countdown(2)))
a, b, *c = Countdown(5)
print(a, b, c)

class Cont:
    def __contains__(self, x): return x == "magic"
print("magic" in Cont(), "other" in Cont(), "magic" not in Cont())
class ContTruthy:
    def __contains__(self, x): return [1]
print(1 in ContTruthy())
class IterNone:
    __iter__ = None
try:
    iter(IterNone())
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self): return 5
try:
    for x in BadIter(): pass
except TypeError as e:
    print("TypeError:", e)
class Callable:
    def __call__(self, *a, **k): return (a, k)
c = Callable()
print(c(1, 2, x=3), callable(c), callable(Callable), callable(5))
class Rev:
    def __reversed__(self): return iter("cba")
    def __len__(self): return 3
    def __getitem__(self, i): return "abc"[i]
print(list(reversed(Rev())), list(reversed([1, 2])), list(reversed(Seq.__getitem__.__name__)))
class LenGet:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
print(list(reversed(LenGet())))
