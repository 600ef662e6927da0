# Comparing lists and tuples with mixed item types: results, CPython's
# TypeError messages, identity shortcuts, which __eq__/__lt__ run, and
# RecursionError for cyclic structures.
tests = [
    "[1, 2] < [1, 'a']", "[1, 2] < [1, 2, 3]", "(1, 2) < (1, 'a')", "[1] < (1,)", "(1,) < [1]",
    "[1, 'a'] == [1, 'a']", "[1, 2] == (1, 2)", "[[1]] < [['a']]", "[1, None] < [1, 2]", "[None] < [None]",
    "(1, 2.5) < (1, 2)", "(1, (2, 'x')) < (1, (2, 3))", "[] < []", "[] < [None]", "[None] <= [None]",
    "[1, 2] > [1, 'b']", "[1, 2] >= ['a']", "(float('nan'),) < (float('nan'),)", "[float('nan')] == [float('nan')]",
    "x = float('nan'); [x] == [x]", "{1: 2} < {1: 3}", "[{1: 2}] < [{1: 3}]", "[{1: 2}] == [{1: 2}]", "[1j] < [2j]", "[1j] == [1j]",
    "(1, 2) < 5", "[1] + (2,)", "(1,) + [2]", "[1] * 'a'", "[1] * 2.0", "'a' < 1", "None < None", "[1, 2] < [1, 2]",
    "(1, 2) == (1, 2.0)", "[True] == [1]", "['a', 1] < ['a', 'b']", "[1] in [[1]]", "(1,) in [[1]]",
    "[set()] < [set()]", "[{1}] < [{1, 2}]", "[frozenset()] <= [set()]", "[b'a'] < ['a']", "[bytearray(b'a')] < [b'b']",
]
for t in tests:
    ns = {}
    try:
        if t.startswith('x ='):
            exec(t.split(';')[0], ns)
            t = t.split(';')[1].strip()
        print(t, '->', eval(t, ns))
    except TypeError as e:
        print(t, 'TypeError:', e)
class A:
    def __eq__(self, o):
        print('A.eq'); return False
    def __lt__(self, o):
        print('A.lt'); return True
a = A()
print([a] == [a], [a, 1] < [a, 2], (a,) < (a,), [A()] < [A()], [1, A()] < [1, A()])
l = [1]; l.append(l)
try:
    l == l
    print(l == l)
except RecursionError as e:
    print('RecursionError')
m = [1]; n = [1]; m.append(n); n.append(m)
try:
    print(m == n)
except RecursionError as e:
    print('RecursionError', e)
