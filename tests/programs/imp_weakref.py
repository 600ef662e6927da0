import weakref, gc
class C:
    def __init__(self, n): self.n = n
    def __repr__(self): return 'C(%d)' % self.n
c = C(1)
r = weakref.ref(c)
print(r() is c, weakref.getweakrefcount(c))
del c
print(r(), r() is None)
def cb(ref):
    print("callback", ref is r2, ref())
d = C(2)
r2 = weakref.ref(d, cb)
d = None
print("after del")
for ob in (1, "s", (1,), [1], {}, 1.5, b"x"):
    try:
        weakref.ref(ob)
    except TypeError as e:
        print(e)
class S:
    __slots__ = ('a',)
class SW:
    __slots__ = ('a', '__weakref__')
try:
    weakref.ref(S())
except TypeError as e:
    print(e)
print(weakref.ref(SW())() is None)
wvd = weakref.WeakValueDictionary()
a, b = C(10), C(11)
wvd['a'] = a; wvd['b'] = b
print(sorted(wvd.keys()), len(wvd))
del a
print(sorted(wvd.keys()), len(wvd), wvd.get('a'), wvd['b'])
wkd = weakref.WeakKeyDictionary()
k1, k2 = C(20), C(21)
wkd[k1] = 'one'; wkd[k2] = 'two'
print(len(wkd), wkd[k1])
del k2
print(len(wkd), list(wkd.values()))
ws = weakref.WeakSet()
x, y = C(30), C(31)
ws.add(x); ws.add(y)
print(len(ws), x in ws)
del x
print(len(ws), [o.n for o in ws])
p = weakref.proxy(y)
print(p.n)
del y
ws.clear()
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
def f(): pass
print(weakref.ref(f)() is f, weakref.ref(C)() is C)
r3 = weakref.ref(C(5))
print(r3() is None)
e = C(6)
ra = weakref.ref(e); rb = weakref.ref(e)
print(ra == rb, len(weakref.getweakrefs(e)))
print(ra is rb, weakref.ref(e, cb) is ra)
print("end")
import types
class M:
    def meth(self):
        return 42
m = M()
print(types.MethodType(M.meth, m)())
wm = weakref.WeakMethod(m.meth)
print(wm()())
del m
print(wm())
for args in ((1, 2), (len, None)):
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError:", e)
