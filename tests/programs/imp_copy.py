# The real copy module: shallow and deep copies, __copy__/__deepcopy__,
# the default reduce protocol (copyreg) for instances.
import copy
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(9)
print(b, c, b[1] is a[1], c[1] is a[1])
class P:
    def __init__(self, x, tags):
        self.x = x
        self.tags = tags
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.tags)
p = P(1, ["t"])
q = copy.copy(p)
r = copy.deepcopy(p)
p.tags.append("u")
print(q, r, q.tags is p.tags, type(r).__name__)
class C:
    def __copy__(self):
        return "custom copy"
    def __deepcopy__(self, memo):
        return "custom deepcopy"
print(copy.copy(C()), copy.deepcopy(C()))
cyc = [1]
cyc.append(cyc)
d = copy.deepcopy(cyc)
print(d[1] is d, d[0])
print(copy.copy((1, 2)) == (1, 2), copy.deepcopy({"a": (1, [2])}))
