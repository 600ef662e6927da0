# built-in methods CPython's types have that programs call by name:
# classmethod/staticmethod.__get__, __class_getitem__, type.__instancecheck__
# /__subclasscheck__/__prepare__, complex.__complex__/__getnewargs__,
# float.__getformat__, mappingproxy's | and reversed(), GenericAlias pickling
import copy
import pickle
import types


class C: pass
def f(*a): return a


print(classmethod(f).__get__(None, C)())
print(classmethod(f).__get__(C())())
print(staticmethod(f).__get__(None, C)(1))
try:
    classmethod(f).__get__(None, None)
except TypeError as e:
    print(e)
class CM(classmethod):
    pass
print(CM(f).__get__(None, C)(2), C.__dict__.get('x', CM(f)).__get__(1)(3))
print(list.__class_getitem__(int), dict.__class_getitem__((int, str)), tuple[int, ...])
print(ExceptionGroup[int], set[str], frozenset[bytes], types.MappingProxyType[str, int])
class L(list): pass
print(L[int], L.__class_getitem__(str))
print(type.__instancecheck__(int, 3), type.__instancecheck__(int, 'a'))
print(type.__subclasscheck__(int, bool), type.__subclasscheck__(bool, int))
try:
    type.__subclasscheck__(int, 3)
except TypeError as e:
    print(e)
print(type.__prepare__('x', ()), type.__prepare__('x', (), a=1))
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = super().__prepare__(name, bases, **kw)
        ns['injected'] = name
        return ns
    def __instancecheck__(cls, x):
        return x == 'yes' or super().__instancecheck__(x)
class W(metaclass=Meta): pass
print(W.injected, isinstance('yes', W), isinstance(W(), W), isinstance(3, W))
print(types.prepare_class('Z', (), {'metaclass': Meta})[1])
print((1+2j).__complex__(), (1+2j).__getnewargs__())
class Cx(complex): pass
print(type(Cx(1).__complex__()).__name__, complex.__complex__(Cx(2)))
print(float.__getformat__('double'), float.__getformat__('float'))
for a in ['x', 5]:
    try:
        float.__getformat__(a)
    except Exception as e:
        print(type(e).__name__, e)
print(pickle.loads(pickle.dumps(list[int])), copy.copy(1+2j), pickle.loads(pickle.dumps(3-4j)))
print(copy.deepcopy(dict[str, list[int]]), list[int].__reduce__())
mp = types.MappingProxyType({'a': 1})
print(mp | {'b': 2}, {'c': 3} | mp, mp | mp, list(reversed(mp)))
try:
    mp['x'] = 1
except TypeError as e:
    print(e)
try:
    del mp['a']
except TypeError as e:
    print(e)
try:
    mp |= {}
except TypeError as e:
    print(e)
try:
    mp | 1
except TypeError as e:
    print(e)
for o in [(1, 2), 'ab', 5, range(3)]:
    try:
        del o[0]
    except TypeError as e:
        print(e)
print(sorted(set(dir(mp)) - set(dir(object))))
print([n for n in ('__get__', '__getnewargs__') if n in dir(classmethod)],
      [n for n in ('__get__', '__getnewargs__') if n in dir(property)])
