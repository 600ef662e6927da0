# sort's same-type fast paths (float with NaN, str, tuple, bool/int/float mix) and
# NotImplemented fallbacks: __lt__ and reflected __gt__ calls as CPython makes them.
log = []
class A:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        log.append(('A.lt', self.v, getattr(o, 'v', o)))
        return NotImplemented
    def __gt__(self, o):
        log.append(('A.gt', self.v, getattr(o, 'v', o)))
        return self.v > getattr(o, 'v', o)
class B(A):
    pass
l = [A(3), A(1), A(2)]
l.sort(); print([x.v for x in l], log); log.clear()
l = [A(3), B(1), A(2)]
l.sort(); print([x.v for x in l], log); log.clear()
l = [A(3), 1, A(2)]
try:
    l.sort()
except TypeError as e:
    print(e)
print(log); log.clear()
import random
random.seed(3)
fl = [random.random() for _ in range(500)] + [float('nan')] * 3
random.shuffle(fl)
fl.sort()
print(fl[:5], fl[-3:])
mixed = [random.choice([1, 2.5, True, 3, 0.5, False]) for _ in range(300)]
mixed.sort(); print(mixed[::10])
t = [(random.randrange(3), random.choice('abc')) for _ in range(200)]
t.sort(); print(t[::7])
s = [''.join(random.choice('ab') for _ in range(random.randrange(4))) for _ in range(100)]
s.sort(); print(s[::5])
try:
    [(1, 'a'), (1, 2)].sort()
except TypeError as e:
    print(e)
try:
    sorted([1, None])
except TypeError as e:
    print(e)
try:
    sorted([{}, {}])
except TypeError as e:
    print(e)

# int subclasses with __lt__: no small-int shortcut may skip them
calls = []
class I(int):
    def __lt__(self, o):
        calls.append((int(self), int(o)))
        return int(self) > int(o)
l = [I(3), I(1), I(2), 5, I(4)]
l.sort()
print([int(x) for x in l], calls)
calls.clear()
print(sorted([I(x) for x in (5, 2, 8, 1)]), calls)
print(sorted([True, 0, False, 2, 1]), sorted([3, 1, 2], key=I), calls[-3:])
