# The operator dunders of str, bytes and bytearray called directly, as
# CPython's slot wrappers behave (no reflected fallback, NotImplemented for
# foreign right operands of __rmod__).
class Idx:
    def __index__(self):
        return 3

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '->', repr(r))

show('str rmod str', lambda: "%s".__rmod__("x"))
show('str rmod int', lambda: "%s".__rmod__(3))
show('str rmod fmt', lambda: "x=%d".__rmod__("%s!"))
show('str mod', lambda: "%s-%s".__mod__((1, 2)))
show('str rmul', lambda: "ab".__rmul__(3))
show('str mul idx', lambda: "ab".__mul__(Idx()))
show('str mul str', lambda: "a".__mul__("b"))
show('str mul float', lambda: "a".__rmul__(2.5))
show('str mul neg', lambda: "a".__mul__(-4))
show('str mul huge', lambda: "a".__mul__(2 ** 80))
show('str add int', lambda: "a".__add__(1))
show('str add str', lambda: "a".__add__("b"))
show('bytes rmod', lambda: b"%d".__rmod__(b"x"))
show('bytes rmod ba', lambda: b"%s".__rmod__(bytearray(b"x")))
show('bytes mod', lambda: b"%s|%d".__mod__((b"q", 5)))
show('bytes rmul', lambda: b"ab".__rmul__(2))
show('bytes mul idx', lambda: b"ab".__mul__(Idx()))
show('bytes add ba', lambda: b"a".__add__(bytearray(b"b")))
show('bytes add mv', lambda: b"a".__add__(memoryview(b"b")))
show('bytes add str', lambda: b"a".__add__("b"))
show('bytes bytes', lambda: b"xy".__bytes__())
class B(bytes):
    pass
show('bytes subclass bytes', lambda: type(B(b"q").__bytes__()).__name__)
show('ba iadd', lambda: bytearray(b"a").__iadd__(b"bc"))
show('ba iadd mv', lambda: bytearray(b"a").__iadd__(memoryview(b"z")))
show('ba iadd str', lambda: bytearray(b"a").__iadd__("z"))
show('ba imul', lambda: bytearray(b"ab").__imul__(3))
show('ba imul idx', lambda: bytearray(b"ab").__imul__(Idx()))
show('ba imul 0', lambda: bytearray(b"ab").__imul__(0))
show('ba rmul', lambda: bytearray(b"ab").__rmul__(2))
show('ba mul float', lambda: bytearray(b"ab").__mul__(2.0))
show('ba rmod ba', lambda: bytearray(b"%s").__rmod__(bytearray(b"x")))
show('ba rmod bytes', lambda: bytearray(b"%s").__rmod__(b"x"))
show('ba mod', lambda: bytearray(b"<%s>").__mod__(b"x"))
show('ba alloc empty', lambda: bytearray().__alloc__())
show('ba alloc', lambda: bytearray(b"x").__alloc__())
show('str sizeof ascii', lambda: "abc".__sizeof__())
show('str sizeof latin', lambda: "é".__sizeof__())
show('str sizeof bmp', lambda: "a€".__sizeof__())
show('str sizeof astral', lambda: "a\U0001F600".__sizeof__())
show('bytes sizeof', lambda: b"abc".__sizeof__())
show('ba sizeof', lambda: bytearray(b"abc").__sizeof__())

ba = bytearray(b"xy")
ba *= Idx()
print(ba)
ba += b"!"
print(ba)
try:
    ba += ba
except BufferError as e:
    print('BufferError', e)
print("ab" * Idx(), Idx() * "cd", b"e" * Idx(), bytearray(b"f") * Idx(), Idx() * bytearray(b"g"))
for expr in ['"a" * 2.0', '2.0 * b"a"', 'bytearray(b"a") * "x"', '"a" * (2 ** 70)', 'b"a" * (2 ** 70)',
             'bytearray(b"a") * (-2 ** 70)']:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)

names = ['__add__', '__mul__', '__rmul__', '__mod__', '__rmod__', '__iadd__', '__imul__',
         '__sub__', '__and__', '__or__', '__bytes__', '__alloc__', '__getnewargs__']
for t in (str, bytes, bytearray):
    print(t.__name__, [n for n in names if n in t.__dict__])
