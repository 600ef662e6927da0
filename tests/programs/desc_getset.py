# getset and member descriptors of built-in types: in the type's __dict__,
# their repr, attributes, __get__/__set__/__delete__ and errors
import types
for T, names in ((int, ('real', 'imag', 'numerator', 'denominator')), (float, ('real', 'imag')),
                 (complex, ('real', 'imag')), (slice, ('start', 'stop', 'step')),
                 (range, ('start', 'stop', 'step')), (BaseException, ('args', '__traceback__', '__cause__', '__context__', '__suppress_context__')),
                 (property, ('fget', 'fset', 'fdel')), (memoryview, ('shape', 'ndim', 'readonly', 'format')),
                 (staticmethod, ('__func__',)), (types.FunctionType, ('__name__', '__defaults__', '__closure__', '__globals__')),
                 (OSError, ('errno', 'strerror', 'filename')), (StopIteration, ('value',))):
    for n in names:
        d = T.__dict__[n]
        print(T.__name__, n, repr(d), type(d).__name__, d.__name__, d.__qualname__,
              d.__objclass__ is T, getattr(T, n) is d, n in dir(T))
print(int.real.__doc__, '|', slice.start.__doc__, '|', StopIteration.value.__doc__)
print(int.real.__get__(7), slice.start.__get__(slice(4, 5)), range.stop.__get__(range(2, 9)))
print(complex.imag.__get__(2 + 3j), float.real.__get__(2.5), True.real, type(True.real))
print(int.real.__get__(None, int) is int.real)
for f in (lambda: int.real.__get__('x'), lambda: int.real.__set__(1, 2),
          lambda: slice.start.__set__(slice(1), 2), lambda: int.__dict__['real'].__delete__(1),
          lambda: slice.stop.__delete__(slice(1)), lambda: int.real.__get__(None),
          lambda: range.start.__get__([])):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def setter(o, n, v):
    try:
        setattr(o, n, v)
        print('set', n, getattr(o, n))
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
setter(5, 'real', 1)
setter(slice(1), 'start', 0)
setter(range(3), 'step', 2)
setter(2.0, 'imag', 1)
class I(int):
    pass
i = I(5)
print(i.real, I.real is int.real, type(i.real))
setter(i, 'real', 3)
class E(Exception):
    pass
e = E(1, 2)
print(e.args, BaseException.args.__get__(e))
BaseException.args.__set__(e, [3, 4])
print(e.args)
e.args = 'ab'
print(e.args)
ae = AttributeError('x')
print(ae.name, ae.obj, NameError().name, ImportError().path)
def g(a=1, *, b=2):
    pass
F = type(g)
print(F.__defaults__.__get__(g), F.__kwdefaults__.__get__(g), F.__dict__['__name__'].__get__(g), F.__name__)
F.__defaults__.__set__(g, (7,))
print(g.__defaults__)
setter(g, '__globals__', {})
setter(g, '__closure__', None)
print(hasattr(int, 'real'), hasattr(int, 'numerator'), getattr(slice, 'step').__name__)
