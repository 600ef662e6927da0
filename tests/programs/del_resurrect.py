# PEP 442: a finalizer that stores self resurrects the object; __del__
# never runs a second time for it
import gc

saved = []

class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
        saved.append(self)

r = R(1)
del r
print('saved', [x.n for x in saved])
x = saved.pop()
print('got back', x.n)
del x
print('after second death (no second __del__)')

# resurrection through a global
keep = None
class K:
    def __del__(self):
        global keep
        print('K del')
        keep = self
K()
print('keep is a K:', type(keep).__name__)
keep = None
print('keep dropped')

# resurrected object in a cycle: collected later without a second __del__
class Cy:
    def __del__(self):
        print('Cy del', self.name)
        if self.name == 'first':
            saved.append(self)
a = Cy(); a.name = 'first'
b = Cy(); b.name = 'second'
a.other = b
b.other = a
del a, b
gc.collect()
print('survivors', [s.name for s in saved], saved[0].other.name)
saved.clear()
gc.collect()
print('after clearing saved')

# the resurrected object keeps working
class W:
    def __init__(self):
        self.items = [1, 2, 3]
    def __del__(self):
        saved.append(self)
W()
w = saved.pop()
w.items.append(4)
print(w.items)
del w
print('end')
