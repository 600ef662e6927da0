from collections import defaultdict, Counter, deque, namedtuple, OrderedDict
from functools import reduce, lru_cache, partial, wraps, cmp_to_key
from itertools import count, chain, islice, product, permutations, combinations, groupby, accumulate, zip_longest
from dataclasses import dataclass, field
from typing import List, Dict, Optional

d = defaultdict(list)
for w in "apple avocado banana blueberry cherry".split():
    d[w[0]].append(w)
print(d, dict(d), d["z"], len(d))
c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["x"], sum(c.values()))
q = deque([1, 2, 3], maxlen=4)
q.append(4)
q.append(5)
q.appendleft(0)
print(q, q.popleft(), q.pop(), len(q), list(q))
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
x, y = p
print(p, p.x + p.y, x, y, p[0], p._asdict(), p._replace(x=10), p == (1, 2), Point._fields)
print(reduce(lambda a, b: a * b, range(1, 8)), partial(pow, 2)(10))


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
print(list(islice(count(10, 5), 4)), list(chain([1, 2], "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(product("ab", repeat=2)), list(permutations(range(3), 2))[:4], list(combinations("abcd", 2)))
print([(k, list(g)) for k, g in groupby("aaabbc")], list(accumulate([1, 2, 3, 4])),
      list(zip_longest("ab", "xyz", fillvalue="-")))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0


i = Item("pen", 1.5)
i.tags.append("office")
print(i, i == Item("pen", 1.5, ["office"]), Item("x"))
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, sorted([v2, v1]), v1 == Version(1, 2), hash(v1) == hash(Version(1, 2)))
try:
    v1.major = 5
except AttributeError as e:
    print(type(e).__name__, e)
o = OrderedDict()
o["b"] = 1
o["a"] = 2
o.move_to_end("b")
print(o, list(o))


def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a) * 2
    return inner


@deco
def triple(x):
    """triples"""
    return 3 * x


print(triple(5), triple.__name__)
