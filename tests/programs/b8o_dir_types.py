import sys, types
def _g():
    yield 1
async def _c():
    pass
class _K:
    def m(self): pass
_co = _c()
TYPES = [
    ('int', int), ('bool', bool), ('float', float), ('complex', complex), ('str', str),
    ('bytes', bytes), ('bytearray', bytearray), ('list', list), ('tuple', tuple),
    ('dict', dict), ('set', set), ('frozenset', frozenset), ('range', range),
    ('slice', slice), ('memoryview', memoryview), ('type', type), ('object', object),
    ('NoneType', type(None)),
    ('dict_keys', type({}.keys())), ('dict_values', type({}.values())), ('dict_items', type({}.items())),
    ('list_iterator', type(iter([]))), ('tuple_iterator', type(iter(()))),
    ('str_iterator', type(iter(''))), ('range_iterator', type(iter(range(1)))),
    ('set_iterator', type(iter(set()))), ('dict_keyiterator', type(iter({}))),
    ('dict_valueiterator', type(iter({}.values()))), ('dict_itemiterator', type(iter({}.items()))),
    ('bytes_iterator', type(iter(b''))), ('list_reverseiterator', type(reversed([]))),
    ('function', type(_g)), ('method', type(_K().m)), ('property', property),
    ('staticmethod', staticmethod), ('classmethod', classmethod), ('super', super),
    ('generator', type(_g())), ('coroutine', type(_co)), ('module', type(sys)),
    ('BaseException', BaseException),
]
_co.close()
# the operator and object-wide dunders each type shows
OPS = ['add', 'sub', 'mul', 'mod', 'or', 'and', 'truediv', 'floordiv', 'pow',
       'lshift', 'rshift', 'xor']
NAMES = {'__%s__' % n for n in OPS} | {'__r%s__' % n for n in OPS}
NAMES |= {'__bool__', '__contains__', '__dir__', '__sizeof__', '__class__',
          '__len__', '__iter__', '__next__', '__getitem__', '__hash__', '__repr__'}
for name, T in TYPES:
    print(name, sorted(n for n in dir(T) if n in NAMES))
# types whose whole dir() is CPython's
for name, T in TYPES:
    if name in ('str', 'bytes', 'bytearray', 'object', 'NoneType', 'set_iterator',
                'dict_keyiterator', 'dict_valueiterator', 'dict_itemiterator'):
        print(name, sorted(dir(T)))
# the added dunders, called
print(sorted(set.__xor__({1, 2}, {2, 3})), sorted({1} ^ frozenset({4})))
print(sorted(set.__rxor__({1}, {2})), sorted(frozenset.__rsub__(frozenset({1}), {1, 2})))
print(sorted({}.keys().__xor__({1})), sorted({1: 2}.items().__rand__([(1, 2)])))
print(sorted({'a': 1}.keys().__ror__({'b'})), sorted({'a': 1}.keys().__rsub__({'a', 'b'})))
print(dict.__or__({1: 2}, {3: 4}), dict.__ror__({1: 2}, {3: 4}))
print(dict.__or__({}, 5), set.__xor__({1}, 5), list.__rmul__([1], 2))
print(int.__or__(5, 3), int.__rxor__(5, 3), float.__rtruediv__(2.0, 1), complex.__rpow__(2j, 2))
print(type.__or__(int, str), type.__ror__(int, None))
print(range.__bool__(range(0)), range(3).__bool__(), type(None).__bool__(None))
print(hasattr(dict, '__sub__'), hasattr(float, '__and__'), hasattr(complex, '__mod__'))
print(hasattr(list, '__or__'), hasattr({}.values(), '__contains__'), hasattr(tuple, '__rmul__'))
for x in (1, 2.5, 'ab', b'c', [1], (1,), {1: 2}, {1}, None, object(), range(2), len):
    s = object.__sizeof__(x)
    print(type(x).__name__, type(s) is int and s > 0, type(x.__sizeof__()) is int,
          x.__class__ is type(x))
print(type(type.__sizeof__(int)) is int, type(int.__sizeof__(5)) is int)
o = object()
d = o.__dir__()
print(type(d) is list, sorted(d) == dir(o), type(type.__dir__(int)) is list)
class C:
    def __init__(self):
        self.a = 1
c = C()
print(sorted(c.__dir__()) == dir(c), 'a' in c.__dir__(), dir(c)[-1])
class D:
    def __dir__(self):
        return ['z', 'b']
print(dir(D()), object.__dir__(D()) is not None)
try:
    object().__dir__(1)
except TypeError as e:
    print('TypeError')
try:
    set.__xor__({1}, {2}, {3})
except TypeError as e:
    print('TypeError')
