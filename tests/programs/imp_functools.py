# functools: reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering, singledispatch, cached_property.
import functools
from functools import reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10))
p = partial(int, base=2)
print(p("1011"), p.func is int, p.keywords)
@lru_cache(maxsize=2)
def sq(n):
    print("computing", n)
    return n * n
print(sq(3), sq(3), sq(4), sq(5), sq(3), sq.cache_info())
def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def named(x):
    """doc here"""
    return x
print(named.__name__, named.__doc__, named.__wrapped__.__name__)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
class C:
    @functools.cached_property
    def val(self):
        print("once")
        return 42
c = C()
print(c.val, c.val)
