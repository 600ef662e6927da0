# %-formatting corners for str and bytes: flags, * widths and precisions,
# mapping keys, every conversion with odd values, and the error messages.
class I:
    def __index__(self):
        return 42
class F:
    def __float__(self):
        return 2.5
class Str:
    def __str__(self):
        return 'S!'
    def __repr__(self):
        return 'R!'
class B:
    def __bytes__(self):
        return b'BYTES'

cases = [
    ('%5s|%-5s|%.2s|%5.1s', ('ab', 'cd', 'efg', 'hij')),
    ('%r %a %s', ('é', 'é', Str())),
    ('%*d|%-*d|%.*f|%*.*f', (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.5)),
    ('%+d % d %+ d %05d %-05d %+05d', (1, 2, 3, -4, 5, 6)),
    ('%x %X %#x %#X %#o %o %#5x %-#8o|', (255, 255, 255, 255, 8, 8, 1, 8)),
    ('%d %i %u', (I(), True, -3)),
    ('%x %o %X', (I(), -255, 2 ** 70)),
    ('%e %E %f %F %g %G', (1e-5, 12345.678, 1e300, -0.0, 1e16, 1.5e-10)),
    ('%.0e %.0f %.0g %#.0f %#g %#.3g', (1.5, 2.5, 0.0001, 3.0, 1.0, 100.0)),
    ('%f %e %g', (float('inf'), float('-inf'), float('nan'))),
    ('%010.3f|%-10.3e|%+.2g', (-3.14159, 12.5, 0.000012345)),
    ('%c%c%c', (65, 'é', 0x1F600)),
    ('%%|%5%|%-5%|', ()),
    ('%(a)s %(b)05d %(a)r', {'a': 'x', 'b': 7}),
    ('%(a)s', {'a': 1, 'b': 2}),
    ('%f %d', (F(), 3.99)),
    ('%s', ([1, 2],)),
    ('%s %s', ((1, 2), [3])),
    ('%.3r', ('abcdef',)),
    ('%5.2%|', ()),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(fmt, '!!', type(e).__name__, e)
errors = [
    ('%d', ('x',)), ('%d', (1.5j,)), ('%x', (1.5,)), ('%c', (0x110000,)), ('%c', ('ab',)),
    ('%c', (-1,)), ('%s %s', ('a',)), ('%s', ('a', 'b')), ('%(a)s', ('a',)), ('%(a)s', {}),
    ('%z', (1,)), ('%', ()), ('%(a', {'a': 1}), ('%*d', ('x', 1)), ('%.*d', (1.5, 1)),
    ('%f', ('x',)), ('%d', (None,)), ('abc', (1,)), ('abc', ()), ('%s', ()), ('%i', (I,)),
]
for fmt, args in errors:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(fmt, '!!', type(e).__name__, e)
print('abc' % {}, 'abc' % [], '%s' % {'k': 1})
bcases = [
    (b'%s|%5s|%-5b|%.2s', (b'ab', bytearray(b'cd'), memoryview(b'ef'), b'ghi')),
    (b'%s', (B(),)), (b'%r %a', ('\xe9', '\xe9')), (b'%c%c', (65, b'z')),
    (b'%d %x %#o %05.1f %e', (10, 255, 8, 2.25, 1e10)),
    (b'%(k)s', {b'k': b'v'}),
    (b'%s', ('str',)), (b'%b', (1,)), (b'%c', (256,)), (b'%c', ('a',)), (b'%(k)s', {'k': b'v'}),
    (b'%s %s', (b'a',)), (b'x', (1,)), (b'%y', (1,)),
]
for fmt, args in bcases:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(fmt, '!!', type(e).__name__, e)
print(repr(bytearray(b'%s-%s') % (b'a', b'b')), repr(b'%%%d%%' % 5))
