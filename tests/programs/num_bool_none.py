print(True and 0, False or '', None or 'x', not None, not 0.0, not [], not [0], bool(None), bool(...), bool(NotImplemented) if False else 1)
print(True + 1, True - True, True * 10, False ** 0, True / True, True // 2, -True % 3, True << 5, True >> 1, ~True, abs(~False))
print(True == 1, False == 0, hash(True), hash(False), {True: 'a', 1: 'b'}, {0, False, 0.0})
print(type(True), type(None), type(...), type(NotImplemented), bool.__name__, bool.__base__, issubclass(bool, int), isinstance(False, int))
print(repr(True), str(False), f'{True}', f'{True:d}', f'{False:>6}', format(True, '^7'), '%d %s %r' % (True, False, True), int(True), float(True), complex(True))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(1e-300), bool(0j), bool(''), bool(' '), bool(()), bool((0,)), bool({}), bool(set()), bool(range(0)), bool(b''))
class Z:
    def __len__(self): return 0
class B:
    def __bool__(self): return False
    def __len__(self): return 5
class BadB:
    def __bool__(self): return 1
print(bool(Z()), bool(B()), not Z(), 'yes' if B() else 'no')
try: bool(BadB())
except TypeError as e: print(e)
try: bool(1, 2)
except TypeError as e: print(e)
try:
    class MyBool(bool): pass
except TypeError as e: print(e)
print(None.__class__.__name__, None == None, None is None, None != 0, [None] * 2, {None: None})
try: None + 1
except TypeError as e: print(e)
try: None()
except TypeError as e: print(e)
try: None.x
except AttributeError as e: print(e)
print(True & True, True | False, True ^ True, type(True ^ True).__name__, True & 2, type(True & 2).__name__, sum([True] * 10), max(True, 0.5), min(False, -0.0))
