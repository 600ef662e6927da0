import sys
class S:
    def __str__(self): return 'S-str'
    def __repr__(self): return 'S-repr'
print(S(), [S()], (S(),), {S(): S()} if False else {1: S()}, str(S()), repr(S()), f'{S()} {S()!r}')
print(1, 2, sep=None, end=None); print(1, 2, sep='', end='\n\n'); print('a', 'b', sep='\n')
print(None, True, 1.0, 1e100, -0.0, 2**100, 1j, b'x', bytearray(b'y'), [1.5, 'q', None], (1,), {'k': 0.1}, {1}, frozenset({2}), range(3), slice(1, 2), ..., NotImplemented)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = W(); print('x', 'y', sep='-', end='!', file=w); print(file=w); print(w.parts)
class NoWrite: pass
try: print('x', file=NoWrite())
except AttributeError as e: print(e)
try: print('x', end=5)
except TypeError as e: print(e)
try: print('x', flush=None) or print('flushed None ok')
except TypeError as e: print(e)
class BadStr:
    def __str__(self): return 5
try: print(BadStr())
except TypeError as e: print(e)
print('unicode: é ü 😀 \u00a0|', 'tab\tend', 'nul\x00end'.replace('\x00', '0'))
print(*'abc', sep=', '); print(*[], sep='X'); print(*(1, 2), *[3], end='|\n')
print('%s %r %d %5.2f %x %o %e %g' % ('s', 's', 42, 3.14159, 255, 8, 12345.678, 0.0001))
sys.stdout.write(str(print) + '\n' if False else 'print is builtin\n')
print(repr(print)[:26], print.__name__, type(print).__name__)
