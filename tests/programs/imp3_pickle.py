# pickle (the pure-Python pickler: no _pickle) for protocols 0..5: values,
# exact bytes, recursive and shared structures, user classes, files.
import pickle, io

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b

class WithState:
    def __init__(self, v):
        self.v = v
    def __getstate__(self):
        return {'v': self.v * 2}
    def __setstate__(self, st):
        self.v = st['v'] + 1

class Red:
    def __init__(self, n):
        self.n = n
    def __reduce__(self):
        return (Red, (self.n + 100,))

values = [
    0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**63, -2**63 - 1, 10**40, -10**40,
    0.0, -0.0, 1.5, 1e300, -2.5e-300, float('inf'),
    '', 'abc', 'h\u00e9llo', '\u20ac\U0001f600', 'a\nb\\c"\'',
    b'', b'abc', b'\x00\xff' * 10, bytearray(b'xyz'),
    None, True, False, ...,
    [], [1, 2, [3, 4]], (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
    {}, {'a': 1, 'b': [2, 3]}, {1: 'x', (2, 3): None},
    {1, 2, 3}, frozenset({4, 5}), set(),
    complex(1, 2), range(3, 10, 2), slice(1, 5, None),
    Point(1, 'two'), [Point(3, 4), Point(5, [6])],
    list(range(300)), 'x' * 300, b'y' * 300,
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    ok = 0
    for v in values:
        s = pickle.dumps(v, protocol=proto)
        w = pickle.loads(s)
        if w != v and v == v:
            print('MISMATCH', proto, repr(v), repr(w))
        elif type(w) is not type(v):
            print('TYPE', proto, type(v), type(w))
        else:
            ok += 1
    print('protocol', proto, ok, 'of', len(values))

# exact bytes for simple values (deterministic across implementations)
for proto in range(6):
    print(proto, pickle.dumps([1, 'a', b'b', (2.5, None, True)], protocol=proto))
    print(proto, pickle.dumps({'k': [1, 2]}, protocol=proto))
    print(proto, pickle.dumps(Point(1, 2), protocol=proto))

# recursive structures
for proto in range(6):
    a = [1, 2]
    a.append(a)
    b = pickle.loads(pickle.dumps(a, proto))
    print(proto, b[2] is b, b[:2])
    d = {}
    d['self'] = d
    e = pickle.loads(pickle.dumps(d, proto))
    print(proto, e['self'] is e)
    p = Point(1, None)
    p.y = p
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q.y is q, q.x)
    shared = [7]
    t = pickle.loads(pickle.dumps([shared, shared], proto))
    print(proto, t[0] is t[1])

s = Slotted(1, [2])
for proto in range(2, 6):
    s2 = pickle.loads(pickle.dumps(s, proto))
    print('slots', proto, s2.a, s2.b)
w = pickle.loads(pickle.dumps(WithState(5)))
print('state', w.v)
r = pickle.loads(pickle.dumps(Red(1)))
print('reduce', r.n)

# Pickler/Unpickler with files
f = io.BytesIO()
pk = pickle.Pickler(f, protocol=4)
pk.dump({'x': 1})
pk.dump([1, 2, 3])
f.seek(0)
up = pickle.Unpickler(f)
print(up.load(), up.load())
f = io.BytesIO()
pickle.dump(('a', 1), f)
print(pickle.loads(f.getvalue()))

# errors (type names only: the messages of CPython's C _pickle differ
# from the pure-Python pickle's)
for bad in (b'garbage', b''):
    try:
        pickle.loads(bad)
    except Exception as e:
        print('loads', bad, isinstance(e, (pickle.UnpicklingError, EOFError, ValueError)))
try:
    pickle.dumps(lambda: 1)
except pickle.PicklingError as e:
    print('PicklingError')
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
big = list(range(20000))
for proto in range(6):
    print(proto, pickle.loads(pickle.dumps(big, proto)) == big)
