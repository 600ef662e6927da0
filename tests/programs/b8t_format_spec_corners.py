# format() and the format-spec mini-language: fill and alignment with any
# character, sign, z, #, 0, width, grouping, precision and every type for
# int, float, complex, str, bool, None and subclasses, and the errors.
import decimal
specs_int = ['', 'd', '+d', ' d', '-d', '08d', '<8d', '>8d', '^8d', '=8d', '*^9d', 'é>6d',
             ',d', '_d', ',x', '_x', '_b', '_o', '#x', '#X', '#o', '#b', '#010x', '0=+8d',
             'c', 'n', 'e', '.2f', '%', '.1%', 'g', 'G', ',', '_', '012,d', '012_x', '+#x']
for v in (0, 7, -7, 255, 123456789, -2 ** 40, True):
    out = []
    for s in specs_int:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append('!' + type(e).__name__)
    print(v, out)
specs_float = ['', 'f', '.0f', '.3f', '+.2f', ' .2f', 'e', '.3E', 'g', '.3g', '#g', '#.3g', 'G', '%',
               '.2%', ',.2f', '_.3f', '015.3f', '<12.2e', '^12.2e', '=+12.2f', 'n', '.10n', 'z.1f',
               'z.0f', '#.0f', '#.0e', '.0%', '10', '<10', '.3', '#', 'z', '+z.2e', ',', '_g']
for v in (0.0, -0.0, 1.5, -2.5, 1234567.891, 1e-7, 1e22, -0.0004, float('inf'), float('-nan'), 2.0 ** 60):
    out = []
    for s in specs_float:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append('!' + type(e).__name__)
    print(v, out)
for v in (1 + 2j, -0.5j, complex(1e10, -1e-10), complex('nan+infj')):
    out = []
    for s in ['', 'g', '.2f', '+.3e', '>20', '^20.1f', 'z.1f', '#g', ',.2f', '_']:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append('!' + type(e).__name__ + ':' + str(e))
    print(v, out)
for v in ('abc', 'é€', ''):
    out = []
    for s in ['', 's', '5', '<5', '>5', '^6', '*^7', '.2', '5.1', '=5', '+5', 'd', ',', '#5', '05']:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append('!' + type(e).__name__ + ':' + str(e))
    print(repr(v), out)
for v, s in [(None, ''), (None, '5'), (True, ''), (True, '5'), (True, 'd'), (False, '^5'),
             (decimal.Decimal('1.5'), '.3f'), ([1], ''), ([1], '5'), (object, '')]:
    try:
        print(repr(format(v, s)))
    except Exception as e:
        print(v, s, '!!', type(e).__name__, e)
class MyInt(int):
    pass
class MyStr(str):
    def __format__(self, spec):
        return 'custom(' + spec + ')'
print(format(MyInt(5), '03d'), format(MyStr('x'), '>5'), '{:>5}|{!s:>5}'.format(MyStr('x'), MyStr('y')))
bad = [(1, 'z'), (1, '.2d'), (1, ',c'), (300000000, 'c'), (1.5, 'd'), ('x', 'd'), (1, '=s'),
       (1, '<<<'), (1, '10.'), (1.5, ',_f'), (1, '_,d'), (2 ** 100, 'c'), (-1, 'c'), (1, '.-1'),
       (1, 'x' * 3), (1.0, 'c'), (1.0, 'x')]
for v, s in bad:
    try:
        print(repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), '!!', type(e).__name__, e)
