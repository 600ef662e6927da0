# collections: deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap.
import collections
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0); d.rotate(1)
print(d, d.maxlen, d.popleft(), d.pop(), list(reversed(d)), d.count(2), 3 in d)
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["z"], sorted(dd))
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["q"], sorted(c.elements())[:4], c + Counter("aa"), c.total())
od = OrderedDict([("x", 1), ("y", 2)])
od.move_to_end("x")
print(od, list(od), od.popitem(last=False))
P = namedtuple("P", ["x", "y"], defaults=[0])
p = P(1)
print(p, p._replace(y=5), p._asdict(), P._fields, P(*range(2)) == (0, 1))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"])
