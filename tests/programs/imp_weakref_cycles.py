import weakref, gc
class N:
    pass
def cb(r):
    print("cb", r() is None)
for i in range(3):
    a = N(); b = N()
    a.other = b; b.other = a
    a.r = weakref.ref(b, cb)
    r = weakref.ref(a, cb)
    del a, b
    print("collected", gc.collect() > 0, r())
ws = weakref.WeakSet()
for i in range(100):
    n = N(); n.me = n; ws.add(n)
del n
gc.collect()
print(len(ws))
d = weakref.WeakValueDictionary()
for i in range(50):
    x = N(); x.self = x; d[i] = x
del x
gc.collect()
print(len(d))
