t = (1, 'a', 2.5, None, (3, 4))
print(t, t[1:], t[::-1], t[-1][0], len(t), t.count(None), t.index(2.5), 'a' in t, t + (), t * 0, () * 5)
print(hash((1, 2, 3)), hash((-1,)), hash((1.5, 2**70)), hash(((1, 2), (3, 4))), hash((True, False, None is None)), hash(((),)), hash((0.0, -0.0)))
print(hash(0), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**64 + 3), hash(10**30), hash(-10**30))
print(hash(0.5), hash(-1.0), hash(1e-300), hash(float('inf')), hash(1.5e300), hash(2.0**-1074), hash(123.456), hash(True), hash(False))
print(hash(1+2j), hash(-1j), hash(complex(0.5, -0.5)), hash(frozenset({1, 'x' if False else 2})), hash(range(0)) if False else 0)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, [2]) == (1, [2]), () < (0,), (1, 2) <= (1, 2), (1, 'a') != (1, 'b'))
try: (1, 'a') < (1, 2)
except TypeError as e: print(e)
try: hash((1, [2]))
except TypeError as e: print(e)
try: t.index(99)
except ValueError as e: print(e)
try: t[10]
except IndexError as e: print(e)
try: ()[0]
except IndexError as e: print(e)
print(tuple(range(3)), tuple('ab'), tuple({1: 2}), tuple(x * x for x in range(4)), (1,), repr(()), str((1, '2')))
a, *b, c = (1, 2, 3, 4); print(a, b, c)
print(t.index(1, 0, 2), (1, 2, 1).index(1, 1), (1, 2, 1).count(1), max((3, 1)), sorted((3, 1)), sum((1, 2)))
d = {}
for k in [(1, 2), (2, 1), 1, 1.0, True, 'x' if False else 2, (1, 2)]:
    d[k] = d.get(k, 0) + 1
print(d)
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v
    def __eq__(self, o): return isinstance(o, H) and o.v == self.v
    def __repr__(self): return 'H(%d)' % self.v
print({H(3), H(1), H(2), H(1)}, hash(H(-1)), hash(H(2**64)), {H(8): 1, H(16): 2})
class HB:
    def __hash__(self): return 'x'
try: hash(HB())
except TypeError as e: print(e)
