# small fidelity fixes: bytearray's live iterator, ImportError.msg,
# undeletable exception attributes, SyntaxError's details tuple and str(),
# sys.getsizeof of class instances through __sizeof__
import sys
b = bytearray(b'ab')
it = iter(b)
print(next(it))
b.append(99)
print(list(it), list(it), it.__length_hint__())
print(type(iter(bytearray(b'ab'))).__name__, type(iter(b'ab')).__name__)
e = ImportError('x')
print(e.msg, e.name, e.path, e.args)
e = ImportError('x', 'y', name='n', path='p')
print(e.msg, e.name, e.path, str(e), repr(e))
e = ImportError()
print(e.msg, str(e), repr(e))
e = ValueError(1)
try:
    del e.args
except Exception as x:
    print(type(x).__name__, x)
for a in [('m', ('f.py', 3, 4, 'src line\n')), ('m', ('f.py', 3, 4, 'src', 5, 9)), ('m', (None, 3, 4, None)), ('m', ('f.py', None, None, None)), ('m',), ('m', 'bad'), ()]:
    try:
        s = SyntaxError(*a)
        print(repr(str(s)), s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
    except Exception as x:
        print(type(x).__name__, x)
class S:
    def __sizeof__(self): return 1000
print(sys.getsizeof(S()) - sys.getsizeof(object()) > 900)
class B:
    def __sizeof__(self): return -1
try:
    sys.getsizeof(B())
except Exception as x:
    print(type(x).__name__, x)
class C:
    def __sizeof__(self): return 'a'
try:
    sys.getsizeof(C())
except Exception as x:
    print(type(x).__name__, x)
print(sys.getsizeof(C(), 7))
e = ValueError(1)
for a in ['__traceback__', '__cause__', '__context__']:
    try:
        delattr(e, a)
    except TypeError as x:
        print(a, x)
i = ImportError('a')
i.msg = 'b'
print(str(i))
i.msg = None
print(str(i))
s = SyntaxError('m', ('/x/y.py', 1, 2, 't'))
print(str(s))
s.lineno = 'x'
print(str(s))
s.filename = 3
print(str(s))
print(str(SyntaxError(5, ('f', 1, 2, 't'))))
for a in [('m', 5), ('m', (1, 2, 3, 4, 5, 6, 7))]:
    try:
        SyntaxError(*a)
    except TypeError as x:
        print(x)
x = SyntaxError('a', 'b', 'c')
print(x.msg, x.filename, x.args)
class E(SyntaxError):
    def __init__(self, *a):
        super().__init__(*a)
print(str(E('m', ('/x/f.py', 7, 1, 't'))), E('q').msg)
class A: pass
class B: __slots__ = ()
class C: __slots__ = ('a', 'b')
for o in [A(), B(), C(), object()]:
    print(type(o).__name__, sys.getsizeof(o))
print(sys.getsizeof(A(), default=3))
