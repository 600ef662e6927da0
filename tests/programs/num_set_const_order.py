a = -1
print({a, -2, 0, 2**61, 2**61 - 1, 2**64})
print({-1, -2, 0, 2**61, 2**61 - 1, 2**64})
print(frozenset([-1, -2, 0, 2**61, 2**61 - 1, 2**64]))
print(set(frozenset([-1, -2, 0, 2**61, 2**61 - 1, 2**64])))
s = set(); s.update(frozenset([-1, -2, 0, 2**61, 2**61 - 1, 2**64])); print(s)
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash(frozenset({-1})))
