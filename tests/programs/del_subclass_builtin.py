# __del__ on subclasses of built-in types
import gc

class L(list):
    def __del__(self):
        print('L del', list(self))

class D(dict):
    def __del__(self):
        print('D del', sorted(self.items()))

class E(Exception):
    def __del__(self):
        print('E del', self.args)

class I(int):
    def __del__(self):
        print('I del', int(self))

class S(str):
    def __del__(self):
        print('S del', str(self))

class T(tuple):
    def __del__(self):
        print('T del', tuple(self))

class F(float):
    def __del__(self):
        print('F del', float(self))

class St(set):
    def __del__(self):
        print('St del', sorted(self))

L([1, 2])
D(a=1, b=2)
E('boom', 3)
I(42)
S('text')
T((1, 'x'))
F(2.5)
St({3, 1, 2})

try:
    raise E('raised')
except E as e:
    print('caught', e.args)
print('after except block')

# a list subclass in a cycle with itself
l = L([0])
l.append(l)
del l
gc.collect()
print('after cycle')

# resurrection from a subclass of dict
keep = []
class Keep(dict):
    def __del__(self):
        print('Keep del')
        keep.append(self)
k = Keep(x=1)
del k
print('kept', keep[0]['x'], type(keep[0]).__name__)
keep.clear()
print('cleared')

# __slots__ class
class Sl:
    __slots__ = ('v',)
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print('Sl del', self.v)
Sl(7)
print('end')
