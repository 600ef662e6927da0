# __del__ runs when the last reference goes, before weakref callbacks
import weakref

class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

a = C('a')
print('before del a')
del a
print('after del a')

def f():
    x = C('local')
    print('in f')
f()
print('after f')

lst = [C('l1'), C('l2'), C('l3')]
lst.clear()
print('after clear')

d = {'k': C('dictval')}
d['k'] = 1
print('after replace')

class D:
    def __del__(self):
        print('D.__del__, weak ref still alive:', r() is self)

def cb(ref):
    print('callback, ref now', ref())

o = D()
r = weakref.ref(o, cb)
del o
print('after del o')

# inherited __del__
class E(C):
    pass
E('e')
print('after E')

# __del__ assigned after the class was made
class F:
    pass
F.__del__ = lambda self: print('late F del')
F()
print('after F')

# __del__ that returns a value and reads globals
counter = 0
class G:
    def __del__(self):
        global counter
        counter += 1
        return 42
for i in range(5):
    G()
print('counter', counter)

# exceptions pending while __del__ runs are kept
class H:
    def __del__(self):
        try:
            raise ValueError('inside del')
        except ValueError:
            pass
try:
    h = H()
    raise KeyError('outer')
except KeyError as e:
    del h
    print('caught', repr(e))
print('end')
