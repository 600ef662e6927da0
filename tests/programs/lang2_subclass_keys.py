# str and int subclasses with their own __hash__/__eq__ as dict/set keys
class S(str):
    def __hash__(self):
        return 42
    def __eq__(self, o):
        return str.lower(self) == str.lower(o)
d = {S("AB"): 1}
print(d.get("ab"), S("ab") in d, "ab" in {S("AB")}, d.get(S("aB")))
d2 = {"ab": 1}
print(S("AB") in d2, S("ab") in d2)
s = {S("x"), S("X")}
print(len(s))
class I(int):
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return True
d = {I(1): "x"}
print(d.get(I(5)), I(9) in d, 1 in d)
print(I(3) in {I(1)}, len({I(1), I(2), I(3)}))

# __hash__ returning a big int: used as is when it fits a machine word
class H:
    def __init__(s, v): s.v = v
    def __hash__(s): return s.v
for v in (-1, -2, 0, 2**61 - 1, 2**61, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**100, True):
    print(v, hash(H(v)))
class Bad:
    def __hash__(s): return 1.5
try: hash(Bad())
except TypeError as e: print(e)

# a case-insensitive str key meets plain str keys
class CI(str):
    def __hash__(self): return hash(str(self).lower())
    def __eq__(self, o): return str(self).lower() == str(o).lower()
d = {}
d[CI("Ab")] = 1
d.setdefault(CI("AB"), 2)
print(d, CI("aB") in d, d.pop(CI("ab"), None), d)
s = set()
s.add(CI("Q")); s.add(CI("q"))
print(len(s), CI("q") in frozenset([CI("Q")]))
print({CI("a"): 1, CI("A"): 2})
print(len(set([CI("x"), CI("X"), "x"])))
class E(str):
    def __eq__(self, o): return True
try: {E("a"): 1}
except TypeError as e: print(e)
class I(int):
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, I)
d = {I(1): 'a', I(2): 'b', 1: 'c'}
print(len(d), d[I(7)], d[1])
print(sorted({I(3), I(4)}), {1: 2}.get(I(1)))
import collections
c = collections.Counter([CI("a"), CI("A")])
print(list(c.values()))
print(CI("ab").__hash__() == hash("ab"))
