# marshal: FLAG_REF and 'r' references in versions 3 and 4, as CPython 3.11 writes them
import marshal
class C:
    pass
name = 'identifier'
words = ['alpha', 'beta', 'alpha']
lst = [1, 2]
d = {'k1': lst, 'k2': lst, 'k3': [lst]}
big = 2 ** 80
fl = 3.25
bs = b'bytes!'
tup = (1, 'two', 3.0)
cases = [
    ('name', name), ('words', words), ('d', d), ('big pair', [big, big]), ('float pair', [fl, fl]),
    ('bytes pair', (bs, bs)), ('tup', tup), ('tup twice', [tup, tup]), ('nested', [[lst, [lst]], lst]),
    ('str keys', {name: name}), ('set', {1, 2, 3}),
    ('frozenset pair', [frozenset({5}), frozenset({5})]), ('empty', [(), (), '', '', b'', b'']), ('chars', [chr(120), chr(120), bytes([7]), bytes([7]), ' ', ' ']),
    ('small ints', [0, 1, 0, 1, 256, 257, -5, -6]), ('fresh', [str(12345), 10 ** 20 + 1, float('1.5')]),
    ('complex', [1j, 1j]), ('mixed', {'a': (1, 2), 'b': (1, 2), 'c': 'a'}),
]
for label, v in cases:
    for ver in (3, 4):
        data = marshal.dumps(v, ver)
        back = marshal.loads(data)
        assert back == v, (label, ver)
        print(label, ver, data)
