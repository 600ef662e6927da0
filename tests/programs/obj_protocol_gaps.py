# o.__dict__ = d (also through the STORE_ATTR cache), str/list/tuple/bytes +
# an object with __radd__ (CPython tries nb_add of both before concatenating),
# SimpleNamespace's keywords, generator states, platform's parse of sys.version
import inspect
import platform
import sys
import types


class C:
    def copy(self):
        o = C.__new__(C)
        o.__dict__ = self.__dict__.copy()
        return o


a = C()
a.x = 1
for i in range(3):
    b = a.copy()
    b.y = i
    print(b.x, vars(b), a.__dict__)
try:
    b.__dict__ = 5
except TypeError as e:
    print(e)
try:
    del b.__dict__
except TypeError as e:
    print(e)
class S:
    __slots__ = ('q',)
try:
    S().__dict__ = {}
except AttributeError as e:
    print(e)
f = lambda: 0
f.__dict__ = {'z': 3}
print(f.z)


class X:
    def __radd__(self, o): return 'radd'
    def __rmul__(self, o): return 'rmul'
    def __iter__(self): return iter([7])


for v in ['u', [1], (1,), b'x', bytearray(b'y')]:
    print(v + X(), v * X())
l = [1]
l += X()
print(l)
s = 's'
s += X()
print(s)


class Y:
    def __radd__(self, o): return NotImplemented
    def __iter__(self): return iter([7])


l = [1]
l += Y()
print(l)
for v in ['a', [1], (1,), b'b']:
    try:
        v + Y()
    except TypeError as e:
        print(e)


class Sub(str):
    def __radd__(self, o): return 'Sub.radd'


print('a' + Sub('b'))
print(types.SimpleNamespace(a=1, b=2), types.SimpleNamespace())
try:
    types.SimpleNamespace({'x': 1})
except TypeError as e:
    print(e)


def gen():
    yield inspect.getgeneratorstate(g)


g = gen()
print(inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g), g.gi_suspended)
g.close()
print(inspect.getgeneratorstate(g), g.gi_suspended)
print(platform.python_version(), platform.python_implementation(), sys.version[:6])
