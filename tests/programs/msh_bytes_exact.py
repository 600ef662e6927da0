# marshal.dumps: the exact bytes of CPython 3.11 for many values, every version
import marshal
big = 10 ** 20
shared = [1, 2]
s = 'hello world'
vals = [None, True, False, ..., StopIteration, 0, 1, -1, 255, 256, 257, -5, -6, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
        2**62, 2**63, 2**100, -2**100, big, 1.5, -0.0, 0.1, 1e300, 1e-300, float('inf'), -float('inf'), float('nan'),
        1.5j, complex(1e300, -0.0), 'abc', 'héllo', '€uro', 'a' * 300, 'a b', '', 'x', ' ', s, 'ü', b'xy', b'', b'a',
        bytearray(b'ab'), memoryview(b'mv'), (1, 2), (), ('a', 'a b', 1), [1, 2], [], {1: 2}, {}, {'k': 'v'}, {1}, set(),
        frozenset({1}), frozenset(), [shared, shared], [s, s], (big, big), [[1], [2]], {'a': [1.5, 2.5]},
        [1.5, float('2.5')], ('x', 2**40), list(range(260, 265)), [-1.0, 2.0 ** 70]]
for v in vals:
    if type(v) is memoryview: print('memoryview', [marshal.dumps(v, ver) for ver in range(5)]); continue
    print(ascii(v)[:40], [marshal.dumps(v, ver) for ver in range(5)])
print(marshal.dumps(shared), marshal.dumps(s), marshal.dumps(big), marshal.dumps(10**30 + int('1')))
print(marshal.dumps([1, 2]), marshal.dumps([[1], [2]]), marshal.dumps(-1, -1), marshal.dumps(1.5, 9))
print(marshal.version, len(marshal.dumps(list(range(1000)))))
