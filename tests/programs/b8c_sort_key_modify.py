# key= is called once per item, in order; reverse=True is stable; the list
# looks empty during the sort and changing it raises ValueError.
import random
random.seed(5)
# key called once per item, in order
calls = []
def key(x):
    calls.append(x)
    return x % 10
data = [random.randrange(100) for _ in range(300)]
r = sorted(data, key=key)
print(calls == data, r[:30])
r = sorted(data, key=key, reverse=True)
print(r[:30])
# reverse stability
pairs = [(random.randrange(5), i) for i in range(200)]
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:20])

# modified during sort
l = list(range(10))
def bad(x):
    l.append(x)
    return x
try:
    l.sort(key=bad)
except ValueError as e:
    print('VE', e, l)
l = [3, 1, 2]
def peek(x):
    print('during', l, len(l))
    return x
l.sort(key=peek)
print(l)
class M:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        ml.append(1); ml.pop()
        return self.v < o.v
ml = [M(3), M(1), M(2)]
try:
    ml.sort()
except ValueError as e:
    print('VE2', e, [m.v for m in ml])
# key error leaves list unchanged
l = [3, 1, 2, 'x', 0]
try:
    l.sort(key=lambda x: x + 1)
except TypeError as e:
    print(e, l)
l = [5, 4, 3, 'a', 1, 0, 2]
try:
    l.sort()
except TypeError as e:
    print(e, l)
l = [5, 4, 3, 'a', 1, 0, 2]
try:
    l.sort(reverse=True)
except TypeError as e:
    print(e, l)
