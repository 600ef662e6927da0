# the gc module around finalizers: callbacks, is_finalized, get_stats,
# get_referents/get_referrers, garbage stays empty
import gc

print(gc.get_threshold(), gc.DEBUG_LEAK, gc.DEBUG_SAVEALL)
log = []
def cb(phase, info):
    log.append((phase, info['generation'], sorted(info)))
gc.callbacks.append(cb)

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(('del', self.name))
n = Node('n')
n.me = n
del n
found = gc.collect()
gc.callbacks.remove(cb)
print('found garbage:', found > 0)
for entry in log:
    print(entry)

# a callback that raises is reported as unraisable
import sys
sys.unraisablehook = lambda u: print('unraisable:', u.exc_type.__name__, u.exc_value)
def bad(phase, info):
    raise RuntimeError(phase)
gc.callbacks.append(bad)
gc.collect()
gc.callbacks.remove(bad)

class A:
    pass
a = A()
holder = [a, {'a': a}]
print(holder in gc.get_referrers(a), a in gc.get_referents(holder))
print(gc.get_referents(1, 'x'))

stats = gc.get_stats()
print(len(stats), sorted(stats[2]))
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError:', e)

keep = []
class R:
    def __del__(self):
        print('R finalizing, finalized flag:', gc.is_finalized(self))
        keep.append(self)
R()
print('resurrected by refcount death:', gc.is_finalized(keep[0]))
r = R()
r.me = r
del r
gc.collect()
print('resurrected by collector:', gc.is_finalized(keep[1]))
print('plain object:', gc.is_finalized(A()))
print('garbage:', gc.garbage)
gc.set_debug(0)
print(gc.get_debug())
print('end')
