# cyclic garbage with finalizers: PEP 442, gc.collect()
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print('del', self.name, 'peer', self.peer.name if self.peer else None)

gc.collect()
a = Node('a'); b = Node('b')
a.peer = b; b.peer = a
del a, b
print('before collect')
n = gc.collect()
print('collected something:', n > 0)
print('garbage', gc.garbage)

# a self-cycle
s = Node('self')
s.peer = s
del s
gc.collect()
print('after self cycle')

# finalizers see the other objects of the cycle intact
class Holder:
    def __init__(self):
        self.data = {'k': [1, 2]}
        self.me = self
    def __del__(self):
        print('holder data', self.data)
Holder()
gc.collect()

# a cycle through a list and a dict, one finalizer
class Only:
    def __del__(self):
        print('only del; list len', len(self.box))
o = Only()
o.box = [o, {'o': o}]
del o
gc.collect()

# objects without finalizers in a cycle are freed too (weakref callback)
import weakref
class Plain:
    pass
p = Plain(); q = Plain()
p.q = q; q.p = p
r = weakref.ref(p, lambda ref: print('plain cycle freed'))
del p, q
gc.collect()
print('ref dead', r() is None)

# a finalizer that breaks the cycle itself
class Breaker:
    def __del__(self):
        print('breaker del')
        self.other = None
x = Breaker(); y = Breaker()
x.other = y; y.other = x
del x, y
gc.collect()
print('isenabled', gc.isenabled())
gc.disable()
c1 = Node('disabled'); c1.peer = c1
del c1
print('no automatic collection while disabled')
gc.collect()
gc.enable()
print('end')
