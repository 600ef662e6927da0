# The real operator module (its pure-Python implementation).
import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.neg(5), operator.not_(0), operator.truth([]), operator.is_(None, None), operator.contains("abc", "b"))
print(operator.lt(1, 2), operator.ge(1, 2), operator.eq("a", "a"), operator.concat([1], [2]))
print(itemgetter(1)("abc"), itemgetter(0, 2)("abc"), itemgetter("k")({"k": 9}))
class P:
    def __init__(self):
        self.x = 1
        self.child = self
    def scale(self, k, off=0):
        return self.x * k + off
p = P()
print(attrgetter("x")(p), attrgetter("child.x", "x")(p), methodcaller("scale", 5, off=1)(p))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=itemgetter(1)))
print(repr(itemgetter(1, 2)), repr(attrgetter("a.b")), repr(methodcaller("m", 1, k=2)))
l = [1, 2, 3]
operator.setitem(l, 0, 9)
operator.delitem(l, 1)
print(l, operator.getitem(l, -1), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
x = [1]
print(operator.iadd(x, [2]), x, operator.length_hint([1, 2, 3]), operator.length_hint(object(), 5))
print(operator.__name__, operator.__all__[:6])
