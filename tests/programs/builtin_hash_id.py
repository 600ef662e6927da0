print(hash(1), hash(0), hash(-1), hash(-2), hash(True), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(1.0), hash(0.5), hash(-0.0), hash(float("inf")))
print(hash(()), hash((1,)) == hash((1,)), hash(frozenset()) == hash(frozenset()))
print(hash(None) == hash(None))
a = [1]
b = a
print(id(a) == id(b), a is b, [1] is [1], None is None)
print(hash(10 ** 30) == hash(10 ** 30), hash(10 ** 30) % (2 ** 61 - 1) == hash(10 ** 30))
