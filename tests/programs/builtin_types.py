print(isinstance(3, int), isinstance(3, (str, int)), isinstance(True, int), isinstance("s", object))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list))
print(type(1), type("s"), type([]), type(None), type(type), type(len))
print(type(1) is int, type(True) is bool, type(1.0).__name__)
print(repr(1), repr("a"), repr([1, "a"]), repr(None), repr(1.0), repr((1,)))
print(str(1), str("a"), int("5"), float("2.5"), bool(""), bool("x"), bool(0.0))
print(list("abc"), tuple([1]), dict(a=1), set([1]), frozenset(), list(range(3)))
print(int(), float(), str(), bool(), list(), tuple(), dict())
print(callable(print), callable(1), callable(lambda: 0), callable(int))
print(len("abc"), len([1, 2]), len({1: 2}), len(range(0, 100, 7)), len(b"ab"))
print(chr(97), ord("€"), hex(-1), oct(64), bin(-5))
print(id(1) == id(1), hash(0) == 0, hash(-1) == hash(-2))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
