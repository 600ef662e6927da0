# __del__ and weak references: on a refcount death __del__ runs first (the
# weakref is still alive), then the callbacks; in a collected cycle the
# weakrefs are cleared and called back first, then the finalizers run
import gc, weakref

class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(self.name, '__del__; weakref alive:', refs[self.name]() is not None)

refs = {}
def track(obj):
    refs[obj.name] = weakref.ref(obj, lambda r, n=obj.name: print(n, 'callback'))
    return obj

a = track(C('refcount'))
del a
print('--')

b = track(C('cycle'))
b.me = b
del b
gc.collect()
print('--')

# a weakref that is itself garbage gets no callback
class Holder:
    pass
class T:
    def __del__(self):
        print('target __del__')
h = Holder()
t = T()
h.ref = weakref.ref(t, lambda r: print('never printed'))
h.t = t
t.h = h
del h, t
gc.collect()
print('--')

# resurrection keeps the object, but its weak references stay dead
saved = []
class Phoenix:
    def __del__(self):
        saved.append(self)
p = Phoenix()
p.me = p
wr = weakref.ref(p)
del p
gc.collect()
print('resurrected:', len(saved), 'weakref dead:', wr() is None)

# WeakValueDictionary entries go away with their objects
wvd = weakref.WeakValueDictionary()
x = C('valued')
refs['valued'] = weakref.ref(x)
wvd['k'] = x
x.cycle = x
del x
print('before collect', list(wvd.keys()))
gc.collect()
print('after collect', list(wvd.keys()))
print('end')
